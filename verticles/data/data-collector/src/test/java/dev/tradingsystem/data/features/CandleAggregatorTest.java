package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.data.features.CandleAggregator.Bar;
import org.junit.jupiter.api.Test;

class CandleAggregatorTest {

  private static final long T0 = 1_385_337_600_000_000L; // 2013-11-25 00:00:00 UTC, a minute boundary

  @Test
  void buildsOhlcvInFixedPointAndClosesOnTheFirstTradeOfALaterBucket() {
    CandleAggregator candles = new CandleAggregator(60);
    assertThat(candles.onTrade(T0 + 1_000_000, 80_001, 10_000_000)).isNull();
    assertThat(candles.onTrade(T0 + 20_000_000, 80_500, 5_000_000)).isNull();
    assertThat(candles.onTrade(T0 + 30_000_000, 79_900, 1)).isNull();
    assertThat(candles.onTrade(T0 + 59_999_999, 80_100, 2)).isNull();

    Bar closed = candles.onTrade(T0 + 60_000_000, 80_200, 7);

    assertThat(closed).isEqualTo(new Bar(T0, 80_001, 80_500, 79_900, 80_100, 15_000_003, 4));
    assertThat(candles.current()).isEqualTo(new Bar(T0 + 60_000_000, 80_200, 80_200, 80_200, 80_200, 7, 1));
  }

  @Test
  void emptyBucketsProduceNoCandle() {
    CandleAggregator candles = new CandleAggregator(60);
    candles.onTrade(T0, 100, 1);

    Bar closed = candles.onTrade(T0 + 5 * 60_000_000L + 3, 101, 1);

    assertThat(closed.openTimeUs()).isEqualTo(T0);
    assertThat(candles.current().openTimeUs()).isEqualTo(T0 + 5 * 60_000_000L);
  }

  @Test
  void nothingIsOpenBeforeTheFirstTrade() {
    assertThat(new CandleAggregator(60).current()).isNull();
  }
}
