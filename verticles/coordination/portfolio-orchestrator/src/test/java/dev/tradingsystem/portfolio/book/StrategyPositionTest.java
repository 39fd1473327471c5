package dev.tradingsystem.portfolio.book;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Side;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Average-cost accounting, step by step, as a trader would check it on paper (no fees). */
class StrategyPositionTest {

  /**
   * Each row applies one fill (or only a new mark) to the same position and states the result.
   * Money in USD; the assertions compare micros.
   */
  private static final String STEPS = """
      step          | side | qty | price  | mark   || position | cost    | realized | unrealized
      buy           | BUY  | 1   | 100.00 | 100.00 || 1        | 100     | 0        | 0
      add           | BUY  | 1   | 110.00 | 110.00 || 2        | 210     | 0        | 10
      partial close | SELL | 0.5 | 120.00 | 120.00 || 1.5      | 157.5   | 7.5      | 22.5
      flip to short | SELL | 3   | 100.00 | 100.00 || -1.5     | -150    | 0        | 0
      mark lower    | -    | -   | -      | 90.00  || -1.5     | -150    | 0        | 15
      add short     | SELL | 0.5 | 90.00  | 90.00  || -2       | -195    | 0        | 15
      partial cover | BUY  | 1   | 80.00  | 80.00  || -1       | -97.5   | 17.5     | 17.5
      close         | BUY  | 1   | 95.00  | 95.00  || 0        | 0       | 20       | 0
      """;

  @Test
  void averageCostThroughBuyAddPartialCloseFlipAndClose() {
    StrategyPosition position = new StrategyPosition("s", BTC_USD);
    SoftAssertions softly = new SoftAssertions();
    STEPS.lines().skip(1).map(line -> line.split("\\|+")).forEach(row -> {
      String step = row[0].trim();
      if (!row[1].trim().equals("-")) {
        position.apply(Side.valueOf(row[1].trim()), px(row[3].trim()), qty(row[2].trim()), 0);
      }
      position.mark(px(row[4].trim()));
      softly.assertThat(position.quantity()).as(step + ": position").isEqualTo(signedQty(row[5].trim()));
      softly.assertThat(position.costMicros()).as(step + ": cost").isEqualTo(usd(row[6].trim()));
      softly.assertThat(position.realizedMicros()).as(step + ": realized").isEqualTo(usd(row[7].trim()));
      softly.assertThat(position.unrealizedMicros()).as(step + ": unrealized").isEqualTo(usd(row[8].trim()));
    });
    softly.assertAll();
  }

  @Test
  void feesAreKeptApartFromRealisedPnl() {
    StrategyPosition position = new StrategyPosition("s", BTC_USD);
    position.apply(Side.BUY, px("100.00"), qty("1"), usd("0.10"));
    position.apply(Side.SELL, px("110.00"), qty("1"), usd("0.11"));

    assertThat(position.realizedMicros()).isEqualTo(usd("10"));
    assertThat(position.feesMicros()).isEqualTo(usd("0.21"));
    assertThat(position.toProto().getFeesMicros()).isEqualTo(usd("0.21"));
  }

  @Test
  void releasedCostIsRoundedHalfEvenAndTheLastCloseReleasesTheRest() {
    StrategyPosition position = new StrategyPosition("s", BTC_USD);
    // 3 satoshis at 1000.01 cost 30.0003 micros → 30 micros; a third of it is 10.
    position.apply(Side.BUY, px("1000.01"), 3, 0);
    position.apply(Side.SELL, px("1000.01"), 1, 0);
    position.apply(Side.SELL, px("1000.01"), 2, 0);

    assertThat(position.quantity()).isZero();
    assertThat(position.costMicros()).isZero();
    assertThat(position.realizedMicros()).isZero();
  }

  private static long signedQty(String text) {
    return text.startsWith("-") ? -qty(text.substring(1)) : qty(text);
  }
}
