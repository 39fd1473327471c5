package dev.tradingsystem.app.hyperopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.app.backtest.performance.PerformanceStats;
import dev.tradingsystem.app.backtest.performance.ReturnSampling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each loss on hand-computed statistics; lower is better, too few trades is Freqtrade's MAX_LOSS. */
class HyperoptLossTest {

  @ParameterizedTest(name = "{0}: {1} trades (min {2}), profit {3}, sharpe {4}, sortino {5}, calmar {6}, maxDD {7} -> {8}")
  @CsvSource({
      // loss,        trades, min, profit, sharpe, sortino, calmar,   maxDD, expected
      "sharpe,           10,   1,   120,    1.5,    2.0,     3.0,      0.05,  -1.5",
      "sortino,          10,   1,   120,    1.5,    2.0,     3.0,      0.05,  -2.0",
      "calmar,           10,   1,   120,    1.5,    2.0,     3.0,      0.05,  -3.0",
      "profit,           10,   1,   120,    1.5,    2.0,     3.0,      0.05,  -120",
      "profit,           10,   1,   -80,    1.5,    2.0,     3.0,      0.05,  80",
      // 500 profit over a 5 % drawdown of 10,000 capital (500 in money): -500 / 500
      "max-drawdown,     10,   1,   500,    0,      0,       0,        0.05,  -1.0",
      // the same profit with half the drawdown is twice as good
      "max-drawdown,     10,   1,   500,    0,      0,       0,        0.025, -2.0",
      // no drawdown at all: Freqtrade falls back to -profit
      "max-drawdown,     10,   1,   500,    0,      0,       0,        0,     -500",
      // a loss over a drawdown is positive (bad)
      "max-drawdown,     10,   1,   -200,   0,      0,       0,        0.04,  0.5",
      // fewer trades than --min-trades: the penalty, whatever the numbers
      "sharpe,            2,   3,   900,    9.0,    9.0,     9.0,      0.01,  100000",
      "profit,            0,   1,   0,      0,      0,       0,        0,     100000",
      // exactly the minimum counts
      "sortino,           3,   3,   50,     1.0,    0.5,     1.0,      0.01,  -0.5",
      // a Calmar ratio that overflowed (CAGR of a short replay) is clamped, not infinitely good
      "calmar,           10,   1,   100,    1.0,    1.0,     Infinity, 0.01,  -100000",
      "sharpe,           10,   1,   100,    NaN,    1.0,     1.0,      0.01,  100000"})
  void lossOfAStrategysStatistics(String name, long trades, long minTrades, double profit, double sharpe,
      double sortino, double calmar, double maxDrawdown, double expected) {
    HyperoptLoss loss = HyperoptLoss.parse(name).orElseThrow();
    assertThat(loss.of(stats(trades, profit, sharpe, sortino, calmar, maxDrawdown), minTrades))
        .isCloseTo(expected, within(1e-9));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "sharpe, SHARPE", "SharpeHyperOptLoss, SHARPE", "sortino, SORTINO", "SortinoHyperOptLoss, SORTINO",
      "calmar, CALMAR", "CalmarHyperOptLoss, CALMAR", "max-drawdown, MAX_DRAWDOWN",
      "MaxDrawDownHyperOptLoss, MAX_DRAWDOWN", "profit, PROFIT", "OnlyProfitHyperOptLoss, PROFIT",
      "' Sharpe ', SHARPE"})
  void freqtradeClassNamesAreAliases(String name, HyperoptLoss expected) {
    assertThat(HyperoptLoss.parse(name)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"sharp", "ShortTradeDurHyperOptLoss", "''"})
  void unknownNamesAreNotGuessed(String name) {
    assertThat(HyperoptLoss.parse(name)).isEmpty();
  }

  private static PerformanceStats stats(long trades, double profit, double sharpe, double sortino, double calmar,
      double maxDrawdown) {
    double capital = 10_000;
    return new PerformanceStats(trades, 0, trades, 0, 0, trades == 0 ? 0 : 1, profit, profit / capital * 100,
        capital, capital + profit, 0.1, sharpe, sortino, calmar, maxDrawdown, 0, 0, 0, 0, 0, 0,
        ReturnSampling.forSpan(86_400_000_000L));
  }
}
