package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeframeFeaturesTest {

  private static final long T0 = 1_385_337_600_000_000L; // 2013-11-25 00:00 UTC, a day boundary
  private static final long MINUTE = 60_000_000L;

  private record Closed(CandleAggregator.Bar bar, boolean filled) {
  }

  /**
   * Trades at minutes 0 and 4 (the one at 4 closes minute 0), then the next at {@code gap + 4}
   * minutes. What each rule publishes when the trade at minute 4 arrives.
   */
  @ParameterizedTest(name = "{0}, max {1}: {2} candles")
  @CsvSource(textBlock = """
      NONE, 1440, 1
      FLAT, 1440, 4
      FLAT,    3, 4
      FLAT,    2, 1
      """)
  void emptyBucketsAreFilledByRule(GapFill rule, int maxGapFill, int expectedCandles) {
    FeatureConfig config = FeatureConfig.defaults().withGapFill(rule, maxGapFill);
    TimeframeFeatures minute = new TimeframeFeatures(60, config, 100);
    List<Closed> closed = new ArrayList<>();
    TimeframeFeatures.Listener capture = (tf, bar, filled) -> closed.add(new Closed(bar, filled));

    minute.onTrade(T0 + 5_000_000, 80_000, 1, capture);
    minute.onTrade(T0 + 30_000_000, 80_100, 2, capture);
    int count = minute.onTrade(T0 + 4 * MINUTE + 1, 80_500, 1, capture);

    assertThat(count).isEqualTo(expectedCandles);
    assertThat(closed).hasSize(expectedCandles);
    assertThat(closed.get(0)).isEqualTo(new Closed(new CandleAggregator.Bar(T0, 80_000, 80_100, 80_000, 80_100, 3, 2), false));
    for (int i = 1; i < closed.size(); i++) {
      // A filled candle is the previous close held flat for one more minute, with no volume.
      assertThat(closed.get(i)).isEqualTo(
          new Closed(new CandleAggregator.Bar(T0 + i * MINUTE, 80_100, 80_100, 80_100, 80_100, 0, 0), true));
    }
    assertThat(minute.candlesClosed()).isEqualTo(expectedCandles);
  }

  @ParameterizedTest(name = "{0} s candles")
  @CsvSource({"1", "5", "15", "60", "300", "900", "3600", "14400", "86400"})
  void everyTimeframeFromASecondToADayClosesOnItsBoundary(int seconds) {
    TimeframeFeatures timeframe = new TimeframeFeatures(seconds, FeatureConfig.defaults(), 100);
    List<CandleAggregator.Bar> closed = new ArrayList<>();
    long interval = seconds * 1_000_000L;

    timeframe.onTrade(T0, 100, 1, (tf, bar, filled) -> closed.add(bar));
    timeframe.onTrade(T0 + interval - 1, 101, 1, (tf, bar, filled) -> closed.add(bar));
    assertThat(closed).isEmpty();
    timeframe.onTrade(T0 + interval, 102, 1, (tf, bar, filled) -> closed.add(bar));

    assertThat(closed).containsExactly(new CandleAggregator.Bar(T0, 100, 101, 100, 101, 2, 2));
    assertThat(timeframe.seconds()).isEqualTo(seconds);
    assertThat(timeframe.sma()).isEqualTo(1.01);
  }
}
