package dev.tradingsystem.portfolio.attribution;

import dev.tradingsystem.portfolio.book.StrategyPosition;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One strategy's position in one instrument with the entries it was built from. Realised P&amp;L
 * is the portfolio's own average-cost figure ({@link StrategyPosition} is applied to the same
 * fills), so attribution adds up to the P&amp;L the book reports. Average cost treats the open
 * position as one blend, so an exit closes the same fraction of every open entry: a position
 * built from 1 BTC on decision A and 3 BTC on decision B that sells 2 BTC closes 0.5 of A and 1.5
 * of B, and A's agents share a quarter of that exit's P&amp;L.
 */
final class AttributedPosition {

  /** What one reducing fill closed: net P&amp;L, each agent's weight, and the main entry's trace. */
  record Closing(long netPnlMicros, Map<String, Double> weights, String entryTraceId) {
  }

  private final StrategyPosition position;
  private final int maxLots;
  private final List<EntryLot> lots = new ArrayList<>();
  private long entries;

  AttributedPosition(String strategyId, Instrument instrument, int maxLots) {
    this.position = new StrategyPosition(strategyId, instrument);
    this.maxLots = maxLots;
  }

  /**
   * Books a fill. An opening fill adds an entry; a reducing one closes the same fraction of every
   * entry and returns what it realised, net of its own fee share and the released entry fees; the
   * part of a fill beyond the open quantity opens an entry on the other side.
   */
  Closing apply(Side side, long price, long size, long feeMicros, AgentVotes decision) {
    long open = Math.abs(position.quantity());
    boolean reducing = open > 0 && (position.quantity() > 0) != (side == Side.BUY);
    long realizedBefore = position.realizedMicros();
    position.apply(side, price, size, feeMicros);
    if (!reducing) {
      addLot(decision, side, size, feeMicros);
      return null;
    }
    long closing = Math.min(size, open);
    long exitFee = closing == size ? feeMicros : share(feeMicros, closing, size);
    long[] closed = apportion(closing, open);
    long entryFees = 0;
    Map<String, Double> weights = new TreeMap<>();
    EntryLot main = null;
    long mainClosed = -1;
    for (int i = 0; i < lots.size(); i++) {
      EntryLot lot = lots.get(i);
      long released = closed[i] == lot.openQuantity ? lot.feeMicros : share(lot.feeMicros, closed[i], lot.openQuantity);
      entryFees += released;
      double part = closed[i] / (double) closing;
      lot.shares.forEach((agent, s) -> weights.merge(agent, s * part, Double::sum));
      if (closed[i] > mainClosed) {
        main = lot;
        mainClosed = closed[i];
      }
      lot.feeMicros -= released;
      lot.openQuantity -= closed[i];
    }
    String trace = main == null ? "" : main.traceId;
    lots.removeIf(lot -> lot.openQuantity == 0);
    long net = position.realizedMicros() - realizedBefore - exitFee - entryFees;
    if (size > closing) {
      addLot(decision, side, size - closing, feeMicros - exitFee);
    }
    return new Closing(net, weights, trace);
  }

  boolean isFlat() {
    return position.quantity() == 0;
  }

  int lotCount() {
    return lots.size();
  }

  private void addLot(AgentVotes decision, Side side, long quantity, long feeMicros) {
    for (EntryLot lot : lots) {
      if (!decision.traceId().isEmpty() && lot.traceId.equals(decision.traceId())) {
        lot.absorb(new EntryLot(0, decision.traceId(), decision.sharesFor(side), quantity, feeMicros));
        return;
      }
    }
    lots.add(new EntryLot(entries++, decision.traceId(), decision.sharesFor(side), quantity, feeMicros));
    if (lots.size() > maxLots) {
      // Folding is exact for the shares (see EntryLot.absorb): merge the two smallest entries.
      lots.sort(Comparator.comparingLong((EntryLot l) -> l.openQuantity).thenComparingLong(l -> l.sequence));
      EntryLot smallest = lots.remove(0);
      lots.get(0).absorb(smallest);
      lots.sort(Comparator.comparingLong(l -> l.sequence));
    }
  }

  /**
   * Splits {@code closing} over the lots in proportion to their open quantity (largest remainder,
   * ties to the oldest), so the parts add up to exactly {@code closing}.
   */
  private long[] apportion(long closing, long open) {
    int n = lots.size();
    long[] parts = new long[n];
    BigDecimal[] remainders = new BigDecimal[n];
    long assigned = 0;
    for (int i = 0; i < n; i++) {
      BigDecimal exact = BigDecimal.valueOf(lots.get(i).openQuantity).multiply(BigDecimal.valueOf(closing));
      BigDecimal[] qr = exact.divideAndRemainder(BigDecimal.valueOf(open));
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      assigned += parts[i];
    }
    for (long left = closing - assigned; left > 0; left--) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (parts[i] < lots.get(i).openQuantity && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
          best = i;
        }
      }
      parts[best]++;
      remainders[best] = BigDecimal.valueOf(-1);
    }
    return parts;
  }

  /** amount × part / whole, half-even, without overflow. */
  static long share(long amount, long part, long whole) {
    return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
