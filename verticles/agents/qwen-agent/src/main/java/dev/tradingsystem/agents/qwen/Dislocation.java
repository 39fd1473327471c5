package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.proto.Side;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A round trip that ends with more of the starting currency than it began with, after every
 * leg's taker fee, at prices quoted now: buying at asks and selling at bids.
 *
 * @param kind    cross-venue (one symbol, two venues) or triangular (three symbols, one venue)
 * @param legs    the trades in order
 * @param edgeBps net gain of the round trip in basis points of the starting amount; positive
 */
public record Dislocation(Kind kind, List<Leg> legs, double edgeBps) {

  /** Where the prices disagree. */
  public enum Kind {
    /** The same symbol is cheaper on one venue than another is paying for it. */
    CROSS_VENUE,
    /** Three symbols on one venue imply a cross rate their own quotes contradict. */
    TRIANGULAR
  }

  /**
   * One trade of the round trip.
   *
   * @param side  BUY lifts the ask (receives the base currency), SELL hits the bid
   * @param price the ask when buying, the bid when selling
   */
  public record Leg(Side side, String venue, String symbol, double price) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s@%s %s", side == Side.BUY ? "buy" : "sell", symbol, venue,
          Double.toString(price));
    }
  }

  public Dislocation {
    legs = List.copyOf(legs);
  }

  /**
   * Which way this dislocation leans a symbol on a venue: +1 when the round trip buys it there
   * (it is cheap there relative to elsewhere), -1 when it sells it there, 0 when it does not
   * trade it there.
   */
  public int lean(String venue, String symbol) {
    for (Leg leg : legs) {
      if (leg.venue().equals(venue) && leg.symbol().equals(symbol)) {
        return leg.side() == Side.BUY ? 1 : -1;
      }
    }
    return 0;
  }

  /** The legs and the edge, for rationales and logs: {@code buy BTC/USD@a 100.0 > sell BTC/USD@b 100.5}. */
  public String describe() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " "
        + legs.stream().map(Leg::toString).collect(Collectors.joining(" > "));
  }
}
