package dev.tradingsystem.app.backtest.performance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The backtest numbers of one strategy, or of one strategy in one pair. Money in quote currency.
 * Definitions follow Freqtrade's where it has one:
 *
 * <ul>
 *   <li>win rate = trades with net profit &gt; 0 / closed trades;</li>
 *   <li>profit total = sum of the closed trades' net profits (fees deducted); profit total % =
 *       profit total / starting capital × 100;</li>
 *   <li>CAGR = (final equity / starting equity)^(365 days / span) - 1, on the mark-to-market curve;</li>
 *   <li>Sharpe = mean / standard deviation (population) of period returns × √(periods per year);
 *       Sortino = mean / downside deviation × √(periods per year), downside deviation =
 *       √(Σ min(r, 0)² / n); both with a zero risk-free rate, periods per {@link ReturnSampling};</li>
 *   <li>Calmar = CAGR / max drawdown; max drawdown and its duration per {@link Drawdown};</li>
 *   <li>profit factor = gross profit / gross loss of closed trades (0 without a losing trade, as Freqtrade);</li>
 *   <li>expectancy = win rate × average win - loss rate × average loss (per trade, quote currency);
 *       expectancy ratio = (1 + average win / average loss) × win rate - 1;</li>
 *   <li>exposure = time with a position open / span of the run.</li>
 * </ul>
 *
 * A ratio whose denominator is zero (no variation, no losing period, no drawdown) is 0.
 */
public record PerformanceStats(long trades, long openTrades, long wins, long losses, long draws, double winRate,
    double profitTotal, double profitTotalPct, double startingCapital, double finalEquity, double cagr,
    double sharpe, double sortino, double calmar, double maxDrawdown, long maxDrawdownDurationSeconds,
    double profitFactor, double expectancy, double expectancyRatio, double exposure, double fees,
    ReturnSampling sampling) {

  private static final double MICROS = 1_000_000.0;
  private static final double YEAR_US = 365 * 86_400 * MICROS;

  /**
   * Computes every number.
   *
   * @param trades the closed trades
   * @param openTrades trades still open at the end (in the curve, not in the trade statistics)
   * @param curve mark-to-market equity, starting at the starting capital
   * @param startingCapital the capital the percentages refer to
   * @param inMarket intervals {from, to} with a position open, microseconds; overlaps are merged
   * @param feesMicros fees of every fill, micros
   * @param startUs first event time of the run
   * @param endUs last event time of the run
   */
  public static PerformanceStats compute(List<ClosedTrade> trades, long openTrades, EquitySeries curve,
      double startingCapital, List<long[]> inMarket, long feesMicros, long startUs, long endUs) {
    long span = Math.max(0, endUs - startUs);
    ReturnSampling sampling = ReturnSampling.forSpan(span);
    long wins = 0;
    long losses = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    for (ClosedTrade t : trades) {
      double p = t.netProfitMicros() / MICROS;
      if (p > 0) {
        wins++;
        grossProfit += p;
      } else if (p < 0) {
        losses++;
        grossLoss -= p;
      }
    }
    long n = trades.size();
    double profitTotal = grossProfit - grossLoss;
    double winRate = n == 0 ? 0 : (double) wins / n;
    double lossRate = n == 0 ? 0 : (double) losses / n;
    double avgWin = wins == 0 ? 0 : grossProfit / wins;
    double avgLoss = losses == 0 ? 0 : grossLoss / losses;
    double first = curve.size() == 0 ? startingCapital : curve.equity(0);
    double last = curve.size() == 0 ? startingCapital : curve.equity(curve.size() - 1);
    double cagr = cagr(first, last, span);
    Drawdown drawdown = Drawdown.of(curve);
    double[] returns = curve.periodReturns(sampling.periodUs());
    return new PerformanceStats(n, openTrades, wins, losses, n - wins - losses, winRate, profitTotal,
        startingCapital == 0 ? 0 : profitTotal / startingCapital * 100, startingCapital, last, cagr,
        sharpe(returns, sampling.periodsPerYear()), sortino(returns, sampling.periodsPerYear()),
        drawdown.maxDrawdown() == 0 ? 0 : cagr / drawdown.maxDrawdown(), drawdown.maxDrawdown(),
        drawdown.durationUs() / 1_000_000, grossLoss == 0 ? 0 : grossProfit / grossLoss,
        winRate * avgWin - lossRate * avgLoss, avgLoss == 0 ? 0 : (1 + avgWin / avgLoss) * winRate - 1,
        span == 0 ? 0 : (double) timeInMarket(inMarket) / span, feesMicros / MICROS, sampling);
  }

  /** (last / first)^(year / span) - 1; 0 for an empty span or a non-positive start or end. */
  public static double cagr(double first, double last, long spanUs) {
    if (spanUs <= 0 || first <= 0 || last <= 0) {
      return 0;
    }
    return Math.pow(last / first, YEAR_US / spanUs) - 1;
  }

  /** Mean over population standard deviation, annualised; 0 with fewer than two returns or none varying. */
  public static double sharpe(double[] returns, int periodsPerYear) {
    if (returns.length < 2) {
      return 0;
    }
    double mean = mean(returns);
    double variance = 0;
    for (double r : returns) {
      variance += (r - mean) * (r - mean);
    }
    double sd = Math.sqrt(variance / returns.length);
    return sd == 0 ? 0 : mean / sd * Math.sqrt(periodsPerYear);
  }

  /** Mean over downside deviation, annualised; 0 with fewer than two returns or no losing period. */
  public static double sortino(double[] returns, int periodsPerYear) {
    if (returns.length < 2) {
      return 0;
    }
    double downside = 0;
    for (double r : returns) {
      downside += Math.min(r, 0) * Math.min(r, 0);
    }
    double dd = Math.sqrt(downside / returns.length);
    return dd == 0 ? 0 : mean(returns) / dd * Math.sqrt(periodsPerYear);
  }

  /** Length of the union of the intervals. */
  public static long timeInMarket(List<long[]> intervals) {
    List<long[]> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(a -> a[0]));
    long total = 0;
    long coveredTo = Long.MIN_VALUE;
    for (long[] in : sorted) {
      long from = Math.max(in[0], coveredTo);
      if (in[1] > from) {
        total += in[1] - from;
      }
      coveredTo = Math.max(coveredTo, in[1]);
    }
    return total;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
