package dev.tradingsystem.data.features;

/**
 * Trades per second on event time, as an exponentially decaying count:
 * {@code rate = rate * exp(-dt / tau) + 1 / tau} at each trade. This is the EWMA of the arrival
 * intensity; it needs no division by the gap between trades, so several trades stamped in the
 * same second (common on Bitstamp) are simply counted, and a long quiet spell decays the rate
 * toward 0. For steady arrivals it settles at the true rate.
 */
public final class TradeRate {

  private final double tauSeconds;
  private double rate;
  private long lastTimeUs;
  private boolean started;

  /** @param windowSeconds the time constant tau: how long the rate remembers a trade */
  public TradeRate(double windowSeconds) {
    if (!(windowSeconds > 0)) {
      throw new IllegalArgumentException("window must be > 0 s, got " + windowSeconds);
    }
    this.tauSeconds = windowSeconds;
  }

  public void update(long eventTimeUs) {
    if (started) {
      double dt = Math.max(0, eventTimeUs - lastTimeUs) / 1e6;
      rate *= Math.exp(-dt / tauSeconds);
    }
    rate += 1.0 / tauSeconds;
    lastTimeUs = eventTimeUs;
    started = true;
  }

  /** Trades per second as of the last trade. */
  public double value() {
    return rate;
  }
}
