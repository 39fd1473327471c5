package dev.tradingsystem.data.features;

/**
 * Realised volatility: the standard deviation of the last {@code window} log returns, per
 * observation (not annualised: the caller knows whether an observation is a tick or a candle).
 * Population deviation around the window's own mean, so a steady drift is not counted as
 * volatility. Unlike {@link EwmaVolatility} every return in the window weighs the same and a
 * shock leaves the estimate all at once after {@code window} observations.
 */
public final class RealizedVolatility {

  private final RollingWindow returns;
  private double previous;
  private boolean hasPrevious;

  public RealizedVolatility(int window) {
    if (window < 2) {
      throw new IllegalArgumentException("realised volatility window must be >= 2, got " + window);
    }
    this.returns = new RollingWindow(window);
  }

  /** @param price a positive price */
  public void update(double price) {
    if (hasPrevious) {
      returns.update(Math.log(price / previous));
    }
    previous = price;
    hasPrevious = true;
  }

  /** The deviation, 0 until two returns were seen. */
  public double value() {
    return returns.populationStdDev();
  }
}
