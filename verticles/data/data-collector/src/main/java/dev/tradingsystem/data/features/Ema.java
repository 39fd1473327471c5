package dev.tradingsystem.data.features;

/**
 * Exponential moving average over ticks with the usual {@code alpha = 2 / (period + 1)}. Seeded
 * with the first value rather than an SMA, so it has a value from the first tick on; the seed's
 * weight decays like any other observation's.
 */
public final class Ema {

  private final double alpha;
  private double value;
  private boolean seeded;

  public Ema(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("EMA period must be >= 1, got " + period);
    }
    this.alpha = 2.0 / (period + 1);
  }

  public void update(double x) {
    if (seeded) {
      value += alpha * (x - value);
    } else {
      value = x;
      seeded = true;
    }
  }

  /** The average, or 0 before the first update. */
  public double value() {
    return value;
  }

  public double alpha() {
    return alpha;
  }
}
