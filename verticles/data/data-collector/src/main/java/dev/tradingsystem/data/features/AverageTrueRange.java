package dev.tradingsystem.data.features;

/**
 * Average true range with Wilder's smoothing ({@code atr += (tr - atr) / period}) over candles.
 * The true range is the largest of high - low, |high - previous close| and |low - previous close|;
 * the first candle has no previous close, so its range is high - low and it seeds the average
 * (ta4j's {@code ATRIndicator} does the same; Wilder's book seeds with a plain mean of the first
 * {@code period} ranges instead, a difference that decays by {@code (1 - 1/period)} per candle).
 */
public final class AverageTrueRange {

  private final int period;
  private double previousClose;
  private boolean seeded;
  private double value;

  public AverageTrueRange(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("ATR period must be >= 1, got " + period);
    }
    this.period = period;
  }

  /** Folds one closed candle (prices in any one consistent unit). */
  public void update(double high, double low, double close) {
    double trueRange = high - low;
    if (seeded) {
      trueRange = Math.max(trueRange, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
      value += (trueRange - value) / period;
    } else {
      value = trueRange;
      seeded = true;
    }
    previousClose = close;
  }

  /** The average true range, 0 before the first candle. */
  public double value() {
    return value;
  }
}
