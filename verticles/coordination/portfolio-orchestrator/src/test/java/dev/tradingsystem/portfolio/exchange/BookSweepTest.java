package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Orders meeting an L2 book on arrival, as a trader reads it. The book:
 * <pre>
 *   bids 99.99 x 1, 99.98 x 2, 99.95 x 3   |   asks 100.00 x 1, 100.01 x 2, 100.05 x 3
 * </pre>
 * Takers walk the levels best first, one fill per level at that level's price, paying the
 * 10 bps taker fee; the rest of a MARKET order expires when the displayed depth runs out, IOC
 * drops its rest, FOK fills entirely or not at all, a GTC limit rests what is left.
 */
class BookSweepTest {

  @ParameterizedTest(name = "{0} {1} {2} {4} @ {3} -> {5} ({6}), {7}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # type | tif       | side | limit  | qty | fills (qty@price)                 | fee     | after
      MARKET | GTC       | BUY  | -      | 2   | 1@100.00 1@100.01                 | 0.20001 | FILLED
      MARKET | GTC       | BUY  | -      | 0.5 | 0.5@100.00                        | 0.05    | FILLED
      MARKET | GTC       | BUY  | -      | 7   | 1@100.00 2@100.01 3@100.05        | 0.60017 | EXPIRED
      MARKET | IOC       | SELL | -      | 2.5 | 1@99.99 1.5@99.98                 | 0.249960 | FILLED
      LIMIT  | IOC       | BUY  | 100.01 | 5   | 1@100.00 2@100.01                 | 0.30002 | EXPIRED
      LIMIT  | FOK       | BUY  | 100.01 | 5   | -                                 | 0       | EXPIRED
      LIMIT  | FOK       | BUY  | 100.05 | 5   | 1@100.00 2@100.01 2@100.05        | 0.50012 | FILLED
      LIMIT  | GTC       | BUY  | 100.01 | 5   | 1@100.00 2@100.01                 | 0.30002 | RESTING
      LIMIT  | GTC       | BUY  | 99.99  | 1   | -                                 | 0       | RESTING
      LIMIT  | IOC       | BUY  | 99.99  | 1   | -                                 | 0       | EXPIRED
      LIMIT  | GTC       | SELL | 99.98  | 4   | 1@99.99 2@99.98                   | 0.29995 | RESTING
      """)
  void takersWalkTheLevels(OrderType type, TimeInForce tif, Side side, String limit, String quantity, String fills,
      String fee, String after) {
    VenueScript venue = new VenueScript();
    venue.book("99.99x1 99.98x2 99.95x3", "100.00x1 100.01x2 100.05x3");
    assertThat(venue.place("t", side, type, tif, limit, quantity).isAccepted()).isTrue();

    List<ExchangeEvent> events = venue.flush();

    List<ExchangeEvent.Fill> taken = VenueScript.fills(events, "t");
    assertThat(taken.stream().map(f -> plain(f.quantity()) + "@" + java.math.BigDecimal.valueOf(f.price(), 2).toPlainString())
        .collect(Collectors.joining(" "))).as("fills").isEqualTo(fills == null ? "" : fills);
    assertThat(taken).allSatisfy(f -> assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER));
    assertThat(taken.stream().mapToLong(ExchangeEvent.Fill::feeMicros).sum()).as("fee").isEqualTo(usd(fee));
    assertThat(outcome(venue, events)).as("after arrival").isEqualTo(after);
  }

  @ParameterizedTest(name = "post-only {0} @ {1} against bid 99.99 / ask 100.00: {2}")
  @CsvSource({
      "BUY,  99.99,  accepted",
      "BUY,  100.00, refused",
      "SELL, 100.00, accepted",
      "SELL, 99.99,  refused"})
  void postOnlyIsRefusedWhenItWouldCrossTheBook(Side side, String limit, String outcome) {
    VenueScript venue = new VenueScript();
    venue.book("99.99x1", "100.00x1");

    Submission submission = venue.place("p", side, OrderType.LIMIT, TimeInForce.POST_ONLY, limit, "1");

    assertThat(submission.isAccepted() ? "accepted" : "refused").isEqualTo(outcome);
    submission.refusalReason().ifPresent(reason -> assertThat(reason).contains("would cross the book"));
  }

  @Test
  void theRestOfAMarketableLimitRestsAtItsLimitAndFillsThereAsMaker() {
    VenueScript venue = new VenueScript();
    venue.book("99.99x1", "100.00x1 100.01x2 100.05x3");
    venue.place("t", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "100.01", "5");
    venue.flush();
    assertThat(venue.order("t").leavesQuantity()).isEqualTo(qty("2"));
    assertThat(venue.order("t").queueAhead()).isZero();

    venue.print(Side.SELL, "100.01", "0.5");

    assertThat(VenueScript.fills(venue.events, "t")).last().satisfies(fill -> {
      assertThat(fill.quantity()).isEqualTo(qty("0.5"));
      assertThat(fill.price()).isEqualTo(px("100.01"));
      assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
    });
  }

  @Test
  void aPrintRemovesTheLevelsItWentThroughBeforeTheNextDiffDoes() {
    VenueScript venue = new VenueScript();
    venue.book("99.99x1", "100.00x1 100.01x2 100.05x3");
    venue.print(Side.BUY, "100.05", "4");

    assertThat(venue.place("p", Side.SELL, OrderType.LIMIT, TimeInForce.POST_ONLY, "100.01", "1").isAccepted())
        .as("post-only offer below the swept levels").isTrue();
    venue.place("m", Side.BUY, OrderType.MARKET, TimeInForce.GTC, null, "1");
    List<ExchangeEvent> events = venue.flush();

    assertThat(VenueScript.fills(events, "m")).singleElement()
        .satisfies(fill -> assertThat(fill.price()).isEqualTo(px("100.05")));
  }

  private static String outcome(VenueScript venue, List<ExchangeEvent> events) {
    if (events.stream().anyMatch(e -> e instanceof ExchangeEvent.Expiry x && x.ticket().intentId().equals("t"))) {
      return "EXPIRED";
    }
    return venue.exchange.order("o-t").isPresent() ? "RESTING" : "FILLED";
  }

  private static String plain(long sizeUnits) {
    return java.math.BigDecimal.valueOf(sizeUnits, 8).stripTrailingZeros().toPlainString();
  }
}
