package dev.tradingsystem.risk.rules;

/**
 * Token buckets per strategy on the event clock: each approved new order (cancel) takes one
 * token; tokens come back at the rate, up to {@code burst}. A rate of 0 turns that throttle off.
 */
public record ThrottleLimits(double ordersPerSecond, double cancelsPerSecond, double burst) {

  public static final ThrottleLimits OFF = new ThrottleLimits(0, 0, 1);

  public ThrottleLimits {
    if (!(ordersPerSecond >= 0) || !(cancelsPerSecond >= 0) || !Double.isFinite(ordersPerSecond)
        || !Double.isFinite(cancelsPerSecond)) {
      throw new IllegalArgumentException("throttle rates must be 0 (off) or positive");
    }
    if (!(burst >= 1) || !Double.isFinite(burst)) {
      throw new IllegalArgumentException("throttle burst must be at least 1, got " + burst);
    }
  }
}
