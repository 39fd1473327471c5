package dev.tradingsystem.app.backtest.performance;

/**
 * The period of the returns behind Sharpe and Sortino. Freqtrade uses daily returns annualised
 * with 365 days; a dataset shorter than {@link #MIN_DAYS_FOR_DAILY} days has too few days for a
 * standard deviation worth reading, so it uses hourly returns annualised with 365 × 24 hours.
 */
public enum ReturnSampling {
  DAILY("daily", 86_400_000_000L, 365),
  HOURLY("hourly", 3_600_000_000L, 365 * 24);

  /** Below this span hourly returns are used. */
  public static final long MIN_DAYS_FOR_DAILY = 30;

  private final String label;
  private final long periodUs;
  private final int periodsPerYear;

  ReturnSampling(String label, long periodUs, int periodsPerYear) {
    this.label = label;
    this.periodUs = periodUs;
    this.periodsPerYear = periodsPerYear;
  }

  /** Daily for a span of at least {@link #MIN_DAYS_FOR_DAILY} days, hourly otherwise. */
  public static ReturnSampling forSpan(long spanUs) {
    return spanUs >= MIN_DAYS_FOR_DAILY * DAILY.periodUs ? DAILY : HOURLY;
  }

  public String label() {
    return label;
  }

  public long periodUs() {
    return periodUs;
  }

  public int periodsPerYear() {
    return periodsPerYear;
  }
}
