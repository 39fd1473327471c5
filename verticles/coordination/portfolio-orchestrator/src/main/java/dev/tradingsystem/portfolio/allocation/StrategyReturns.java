package dev.tradingsystem.portfolio.allocation;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Each strategy's return series and its annualised volatility, sampled on a grid of event time.
 *
 * <p>Every {@code intervalUs} of event time the strategy's return is its P&amp;L change (realised
 * plus unrealised minus fees) over the capital it was allocated at the start of the interval:
 * a return on the budget, so it does not change when the budget is scaled and volatility
 * targeting can size against it. A gap of k intervals (no market event in between) yields one
 * return whose square is divided by k, the variance per interval of a random walk. An interval
 * that started with no capital yields no return.
 *
 * <p>Variance is the zero-mean EWMA of squared returns (RiskMetrics: over short intervals the
 * mean is noise next to the variance), seeded with the plain mean of the first
 * {@code minHistory} returns ({@link SeededEwma}); before that the volatility is unknown and the
 * policies fall back to the base share. Annualised over 365 days: crypto trades every day.
 */
public final class StrategyReturns {

  private static final double YEAR_US = 365 * 86_400e6;

  private final long intervalUs;
  private final int minHistory;
  private final double lambda;
  private final Map<String, Series> series = new HashMap<>();

  private final class Series {
    private long sampledAtUs;
    private long pnlMicros;
    private long capitalMicros;
    private final SeededEwma variance = new SeededEwma(minHistory, lambda);
  }

  /**
   * @param intervalUs event time between two return samples
   * @param minHistory returns needed before the volatility is trusted
   * @param lambda EWMA decay per sample, in (0, 1)
   */
  public StrategyReturns(long intervalUs, int minHistory, double lambda) {
    if (intervalUs <= 0) {
      throw new IllegalArgumentException("intervalUs must be > 0, got " + intervalUs);
    }
    this.intervalUs = intervalUs;
    this.minHistory = minHistory;
    this.lambda = lambda;
  }

  /**
   * Observes one strategy at an event time; samples a return when an interval has passed.
   *
   * @param pnlMicros the strategy's P&amp;L so far, net of fees
   * @param capitalMicros the capital it is allocated now
   */
  public void observe(String strategy, long eventTimeUs, long pnlMicros, long capitalMicros) {
    Series s = series.get(strategy);
    if (s == null) {
      s = new Series();
      s.sampledAtUs = eventTimeUs;
      s.pnlMicros = pnlMicros;
      s.capitalMicros = capitalMicros;
      series.put(strategy, s);
      return;
    }
    long elapsed = eventTimeUs - s.sampledAtUs;
    if (elapsed < intervalUs) {
      return;
    }
    long intervals = elapsed / intervalUs;
    if (s.capitalMicros > 0) {
      double r = (pnlMicros - s.pnlMicros) / (double) s.capitalMicros;
      s.variance.add(r * r / intervals);
    }
    s.sampledAtUs += intervals * intervalUs;
    s.pnlMicros = pnlMicros;
    s.capitalMicros = capitalMicros;
  }

  /** Annualised volatility of the strategy's returns, or empty before {@code minHistory} returns. */
  public OptionalDouble annualVolatility(String strategy) {
    Series s = series.get(strategy);
    if (s == null || !s.variance.ready()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.sqrt(s.variance.value() * YEAR_US / intervalUs));
  }

  /** Returns sampled so far. */
  public long samples(String strategy) {
    Series s = series.get(strategy);
    return s == null ? 0 : s.variance.count();
  }
}
