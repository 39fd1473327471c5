package dev.tradingsystem.data.features;

/**
 * Per-tick volatility of log returns as an exponentially weighted standard deviation
 * (RiskMetrics): {@code var = lambda * var + (1 - lambda) * r^2}. The mean return is taken as
 * zero, which at tick horizons is both standard and more robust than estimating it.
 */
public final class EwmaVolatility {

  private final double lambda;
  private double variance;
  private double previousPrice;

  /** @param lambda decay per tick in (0, 1); 0.94 weights roughly the last 30 ticks */
  public EwmaVolatility(double lambda) {
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1), got " + lambda);
    }
    this.lambda = lambda;
  }

  /** @param price a positive price */
  public void update(double price) {
    if (previousPrice > 0) {
      double r = Math.log(price / previousPrice);
      variance = lambda * variance + (1 - lambda) * r * r;
    }
    previousPrice = price;
  }

  /** Standard deviation of one tick's log return; 0 until two prices were seen. */
  public double value() {
    return Math.sqrt(variance);
  }
}
