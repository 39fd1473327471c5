package dev.tradingsystem.data.features;

/**
 * Log returns over fixed tick horizons, from a ring buffer of log prices sized to the longest
 * horizon. A horizon with fewer ticks of history than its length reports 0 (no view) rather than
 * a shorter return that would look like the real thing.
 */
public final class LogReturns {

  private final double[] logPrices;
  private int newest = -1;
  private long count;

  /** @param longestHorizon the largest horizon that will be asked for, in ticks */
  public LogReturns(int longestHorizon) {
    if (longestHorizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1, got " + longestHorizon);
    }
    this.logPrices = new double[longestHorizon + 1];
  }

  /** @param price a positive price */
  public void update(double price) {
    newest = (newest + 1) % logPrices.length;
    logPrices[newest] = Math.log(price);
    count++;
  }

  /** {@code ln(p_now / p_(now - horizon))}, or 0 while fewer than {@code horizon} earlier ticks exist. */
  public double over(int horizon) {
    if (horizon < 1 || horizon >= logPrices.length) {
      throw new IllegalArgumentException("horizon " + horizon + " outside [1, " + (logPrices.length - 1) + "]");
    }
    if (count <= horizon) {
      return 0;
    }
    int past = Math.floorMod(newest - horizon, logPrices.length);
    return logPrices[newest] - logPrices[past];
  }
}
