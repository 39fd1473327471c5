package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A resting bid at 100.00 behind the displayed size there, as a trader reads it. The book is
 * bids 100.00 x ahead, 99.99 x 10 / asks 100.01 x 10; our bid has reached the venue before the
 * first event. Events, one after another:
 * <ul>
 *   <li>{@code sell 3}: a print of 3 BTC at 100.00 where the seller was the aggressor (hits bids)</li>
 *   <li>{@code buy 3}: a print at 100.00 where the buyer was the aggressor (lifted an offer)</li>
 *   <li>{@code tape 3}: a print at 100.00 whose aggressor the venue did not report</li>
 *   <li>{@code sell 2 @99.99}: a sell print below our bid: the market traded through us</li>
 *   <li>{@code size 2}: the displayed bid size at 100.00 becomes 2 (book delta)</li>
 *   <li>{@code cross 0.4}: a delta removes the bids at 100.00 and shows an offer of 0.4 there</li>
 * </ul>
 * After each event: the estimated size still ahead of us, and what we have filled in total.
 * Cancellations split proportionally between ahead and behind (queue power 1).
 */
class QueuePositionTest {

  @ParameterizedTest(name = "behind {0} BTC, bid {1}: {2} -> ahead {3}, filled {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # ahead | our bid | events                                 | ahead after each | filled after each
      5       | 2       | sell 3; sell 3                         | 2; 0             | 0; 1
      5       | 2       | sell 3; sell 3; sell 3                 | 2; 0; 0          | 0; 1; 2
      0       | 1       | sell 0.4                               | 0                | 0.4
      5       | 1       | sell 6                                 | 0                | 1
      5       | 1       | buy 3                                  | 5                | 0
      5       | 1       | tape 6                                 | 0                | 1
      5       | 1       | size 0; sell 1                         | 0; 0             | 0; 1
      5       | 1       | size 3                                 | 3                | 0
      4       | 1       | size 8; size 4; sell 2; sell 1         | 4; 2; 0; 0       | 0; 0; 0; 1
      5       | 1       | sell 3; size 2; sell 2; sell 1         | 2; 2; 0; 0       | 0; 0; 0; 1
      5       | 2       | sell 2 @99.99                          | 0                | 2
      5       | 3       | sell 2 @99.99                          | 0                | 2
      5       | 1       | sell 2 @100.01                         | 5                | 0
      5       | 1       | cross 0.4                              | 0                | 0.4
      """)
  void aRestingBidFillsOnlyOnceItsQueueIsConsumed(String ahead, String ours, String events, String aheadAfter,
      String filledAfter) {
    VenueScript venue = new VenueScript();
    venue.book(ahead.equals("0") ? "99.99x10" : "100.00x" + ahead + " 99.99x10", "100.01x10");
    assertThat(venue.bid("q", "100.00", ours).isAccepted()).isTrue();
    venue.flush();
    assertThat(venue.order("q").queueAheadOnArrival()).as("queue ahead on arrival").isEqualTo(qty(ahead));

    String[] steps = events.split(";");
    List<Long> aheads = new ArrayList<>();
    List<Long> filled = new ArrayList<>();
    for (String step : steps) {
      apply(venue, step.trim());
      aheads.add(venue.exchange.order("o-q").map(WorkingOrder::queueAhead).orElse(0L));
      filled.add(VenueScript.filled(venue.events, "q"));
    }

    assertThat(aheads).as("ahead after each event").isEqualTo(amounts(aheadAfter));
    assertThat(filled).as("filled after each event").isEqualTo(amounts(filledAfter));
    assertThat(VenueScript.fills(venue.events, "q")).allSatisfy(fill -> {
      assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
      assertThat(fill.price()).isEqualTo(dev.tradingsystem.portfolio.Fixtures.px("100.00"));
    });
  }

  @Test
  void twoOfOurBidsAtOnePriceQueueInPlacementOrder() {
    VenueScript venue = new VenueScript();
    venue.book("100.00x2", "100.01x10");
    venue.bid("first", "100.00", "1");
    venue.flush();
    venue.bid("second", "100.00", "1");
    venue.flush();

    venue.print(Side.SELL, "100.00", "3");
    venue.print(Side.SELL, "100.00", "1");

    assertThat(venue.events).map(ExchangeEvent.Fill.class::cast)
        .extracting(f -> f.ticket().intentId(), ExchangeEvent.Fill::quantity)
        .containsExactly(tuple("first", qty("1")), tuple("second", qty("1")));
  }

  @Test
  void queueFillsPayTheMakerFee() {
    VenueScript venue = new VenueScript();
    venue.book("100.00x1", "100.01x10");
    venue.bid("q", "100.00", "2");
    venue.flush();

    venue.print(Side.SELL, "100.00", "3");

    // 2 BTC x 100.00 = 200.00 USD at the default 5 bps maker fee.
    assertThat(VenueScript.fills(venue.events, "q")).singleElement().satisfies(fill -> {
      assertThat(fill.quantity()).isEqualTo(qty("2"));
      assertThat(fill.feeMicros()).isEqualTo(usd("0.10"));
      assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
    });
  }

  private static void apply(VenueScript venue, String step) {
    String[] words = step.split("\\s+");
    String price = words.length > 2 ? words[2].substring(1) : "100.00";
    switch (words[0]) {
      case "sell" -> venue.print(Side.SELL, price, words[1]);
      case "buy" -> venue.print(Side.BUY, price, words[1]);
      case "tape" -> venue.print(Side.SIDE_UNSPECIFIED, price, words[1]);
      case "size" -> venue.level(Side.BUY, "100.00", words[1]);
      case "cross" -> venue.update("100.00x0", "100.00x" + words[1]);
      default -> throw new IllegalArgumentException("unknown step '" + step + "'");
    }
  }

  private static List<Long> amounts(String list) {
    return Arrays.stream(list.split(";")).map(String::trim).map(dev.tradingsystem.portfolio.Fixtures::qty).toList();
  }
}
