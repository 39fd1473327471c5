package dev.tradingsystem.app.backtest.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every number of the backtest report against a hand calculation. */
class PerformanceStatsTest {

  private static final long HOUR = 3_600_000_000L;
  private static final long DAY = 24 * HOUR;

  @ParameterizedTest(name = "profits {0}")
  @CsvSource(delimiter = '|', textBlock = """
      # net profits of the closed trades | wins | losses | draws | win rate | total | profit factor | expectancy | expectancy ratio
      10; -5; 20; -5; 0                  | 2    | 2      | 1     | 0.4      | 20    | 3.0           | 4.0        | 0.6
      10; 10                             | 2    | 0      | 0     | 1.0      | 20    | 0.0           | 10.0       | 0.0
      -1; -3                             | 0    | 2      | 0     | 0.0      | -4    | 0.0           | -2.0       | -1.0
      30; -10; -10; -10                  | 1    | 3      | 0     | 0.25     | 0     | 1.0           | 0.0        | 0.0
      """)
  void tradeStatistics(String profits, long wins, long losses, long draws, double winRate, double total,
      double profitFactor, double expectancy, double expectancyRatio) {
    List<ClosedTrade> trades = new ArrayList<>();
    for (String p : profits.split(";")) {
      long micros = Math.round(Double.parseDouble(p.trim()) * 1_000_000);
      trades.add(new ClosedTrade("s", "BTC/USD", false, 0, 1, 100_000_000, 100_000_000 + micros, 0, micros));
    }
    EquitySeries curve = EquitySeries.of(new long[] {0, DAY}, new double[] {1000, 1000 + total});
    PerformanceStats stats = PerformanceStats.compute(trades, 0, curve, 1000, List.of(), 0, 0, DAY);
    assertThat(stats.trades()).isEqualTo(trades.size());
    assertThat(stats.wins()).isEqualTo(wins);
    assertThat(stats.losses()).isEqualTo(losses);
    assertThat(stats.draws()).isEqualTo(draws);
    assertThat(stats.winRate()).isCloseTo(winRate, within(1e-12));
    assertThat(stats.profitTotal()).isCloseTo(total, within(1e-9));
    assertThat(stats.profitTotalPct()).isCloseTo(total / 1000 * 100, within(1e-9));
    assertThat(stats.profitFactor()).isCloseTo(profitFactor, within(1e-12));
    assertThat(stats.expectancy()).isCloseTo(expectancy, within(1e-9));
    assertThat(stats.expectancyRatio()).isCloseTo(expectancyRatio, within(1e-12));
  }

  @ParameterizedTest(name = "returns {0}")
  @CsvSource(delimiter = '|', textBlock = """
      # period returns             | periods per year | sharpe            | sortino
      0.01; -0.01; 0.02; 0.0       | 365              | 8.54400374531753  | 19.1049731745428
      0.01; 0.01; 0.01             | 365              | 0                 | 0
      0.02; -0.02                  | 8760             | 0                 | 0
      -0.01; -0.03                 | 1                | -2.0              | -0.894427190999916
      0.05                         | 365              | 0                 | 0
      """)
  void sharpeAndSortinoAnnualiseTheMeanOverTheDeviation(String returns, int periodsPerYear, double sharpe,
      double sortino) {
    double[] r = Arrays.stream(returns.split(";")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    assertThat(PerformanceStats.sharpe(r, periodsPerYear)).isCloseTo(sharpe, within(1e-9));
    assertThat(PerformanceStats.sortino(r, periodsPerYear)).isCloseTo(sortino, within(1e-9));
  }

  @ParameterizedTest(name = "{0} -> {1} over {2} days")
  @CsvSource({"100, 121, 730, 0.1", "100, 110, 365, 0.1", "100, 100, 10, 0.0", "100, 90, 365, -0.1",
      "100, 50, 0, 0.0", "0, 50, 365, 0.0"})
  void cagrCompoundsToAYear(double first, double last, long days, double expected) {
    assertThat(PerformanceStats.cagr(first, last, days * DAY)).isCloseTo(expected, within(1e-12));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # equity, one point per second   | max drawdown | peak s | trough s | duration s
      100; 120; 90; 130                | 0.25         | 1      | 2        | 2
      100; 80; 90                      | 0.2          | 0      | 1        | 2
      100; 110; 120                    | 0.0          | 0      | 0        | 0
      100; 90; 100; 50; 60; 101        | 0.5          | 0      | 3        | 5
      """)
  void maxDrawdownAndItsDuration(String equity, double maxDrawdown, long peak, long trough, long duration) {
    double[] e = Arrays.stream(equity.split(";")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    long[] t = new long[e.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = i * 1_000_000L;
    }
    Drawdown d = Drawdown.of(EquitySeries.of(t, e));
    assertThat(d.maxDrawdown()).isCloseTo(maxDrawdown, within(1e-12));
    if (maxDrawdown > 0) {
      assertThat(d.peakTimeUs()).isEqualTo(peak * 1_000_000);
      assertThat(d.troughTimeUs()).isEqualTo(trough * 1_000_000);
    }
    assertThat(d.durationUs()).isEqualTo(duration * 1_000_000);
  }

  @Test
  void underwaterIsTheFallFromTheRunningPeak() {
    EquitySeries curve = EquitySeries.of(new long[] {0, 1, 2, 3}, new double[] {100, 120, 90, 130});
    assertThat(Drawdown.underwater(curve)).containsExactly(0, 0, 0.25, 0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intervals from-to               | time in market
      0-10; 5-15; 20-30                 | 25
      0-10; 2-3                         | 10
      5-5                               | 0
      20-30; 0-10                       | 20
      """)
  void exposureCountsOverlappingPositionsOnce(String intervals, long expected) {
    List<long[]> in = new ArrayList<>();
    for (String i : intervals.split(";")) {
      String[] ft = i.trim().split("-");
      in.add(new long[] {Long.parseLong(ft[0]), Long.parseLong(ft[1])});
    }
    assertThat(PerformanceStats.timeInMarket(in)).isEqualTo(expected);
  }

  @Test
  void periodReturnsSampleTheCurveAtEachBoundary() {
    EquitySeries curve = EquitySeries.of(new long[] {0, HOUR / 2, HOUR, 2 * HOUR + 1},
        new double[] {100, 105, 110, 99});
    // Boundaries at 1 h (110), 2 h (still 110: the next point is 1 µs later) and the end (99).
    assertThat(curve.periodReturns(HOUR)).containsExactly(new double[] {0.1, 0.0, -0.1}, within(1e-12));
  }

  @Test
  void aWholeRunAddsUpTheTradesTheCurveAndTheTime() {
    // 2 hours: a long from 0 to 1 h that made 10 net of 1 in fees; equity 1000 -> 1010 (then 1005 at 2 h).
    List<ClosedTrade> trades = List.of(new ClosedTrade("s", "BTC/USD", false, 0, HOUR, 500_000_000L,
        511_000_000L, 1_000_000L, 10_000_000L));
    EquitySeries curve = EquitySeries.of(new long[] {0, HOUR, 2 * HOUR}, new double[] {1000, 1010, 1005});
    PerformanceStats s = PerformanceStats.compute(trades, 0, curve, 1000, List.of(new long[] {0, HOUR}),
        1_000_000L, 0, 2 * HOUR);
    assertThat(s.sampling()).isEqualTo(ReturnSampling.HOURLY);
    assertThat(s.trades()).isEqualTo(1);
    assertThat(s.profitTotal()).isCloseTo(10, within(1e-9));
    assertThat(s.fees()).isCloseTo(1, within(1e-12));
    assertThat(s.exposure()).isCloseTo(0.5, within(1e-12));
    assertThat(s.finalEquity()).isEqualTo(1005);
    double cagr = Math.pow(1.005, 365 * 12.0) - 1;
    assertThat(s.cagr()).isCloseTo(cagr, within(cagr * 1e-9));
    double maxDd = 5.0 / 1010;
    assertThat(s.maxDrawdown()).isCloseTo(maxDd, within(1e-12));
    assertThat(s.maxDrawdownDurationSeconds()).isEqualTo(3600);
    assertThat(s.calmar()).isCloseTo(cagr / maxDd, within(cagr / maxDd * 1e-9));
    double r1 = 0.01;
    double r2 = 1005.0 / 1010 - 1;
    double mean = (r1 + r2) / 2;
    double sd = Math.abs(r1 - r2) / 2;
    assertThat(s.sharpe()).isCloseTo(mean / sd * Math.sqrt(8760), within(1e-9));
    assertThat(s.sortino()).isCloseTo(mean / Math.sqrt(r2 * r2 / 2) * Math.sqrt(8760), within(1e-9));
  }

  @Test
  void aMonthOrMoreUsesDailyReturns() {
    assertThat(ReturnSampling.forSpan(30 * DAY)).isEqualTo(ReturnSampling.DAILY);
    assertThat(ReturnSampling.forSpan(30 * DAY - 1)).isEqualTo(ReturnSampling.HOURLY);
  }
}
