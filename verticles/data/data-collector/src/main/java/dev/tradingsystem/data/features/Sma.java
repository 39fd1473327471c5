package dev.tradingsystem.data.features;

/**
 * Simple moving average over the last {@code period} values. During warm-up it averages the
 * values seen so far (as ta4j's {@code SMAIndicator} does), so it has a value from the first update.
 */
public final class Sma {

  private final RollingWindow window;

  public Sma(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("SMA period must be >= 1, got " + period);
    }
    this.window = new RollingWindow(period);
  }

  public void update(double x) {
    window.update(x);
  }

  /** The average, or 0 before the first update. */
  public double value() {
    return window.mean();
  }

  /** Population standard deviation of the same window (what Bollinger bands widen by). */
  public double standardDeviation() {
    return window.populationStdDev();
  }

  public boolean warm() {
    return window.full();
  }
}
