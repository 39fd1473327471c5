package dev.tradingsystem.frameworks.hummingbot.quoting.estimate;

/**
 * σ of the mid price from its own log returns, per square root of a second of event time: an
 * exponentially weighted mean of r²/Δt with a half-life in seconds, so irregular event spacing
 * (a burst of trades, then a quiet minute) weighs each return by the time it covers.
 *
 * <p>Several events with the same timestamp are one instant: the return of an instant runs from
 * the last mid of the previous instant to the last mid of this one, so moves inside a burst are
 * neither lost nor counted twice. An instant is sampled once the next one begins.
 *
 * <p>The weight of a sample covering Δt seconds is {@code α = 1 − 2^(−Δt/halfLife)}; for small Δt
 * that is ≈ Δt·ln2/halfLife and each return adds ≈ r²·ln2/halfLife: realised variance per second,
 * forgotten with the given half-life. Not thread-safe: one owner.
 */
public final class VolatilityEstimator {

  private static final double MICROS_PER_SECOND = 1_000_000.0;

  private final double halfLifeSeconds;
  private final int minSamples;
  private long previousTimeUs;
  private double previousMid = Double.NaN;
  private long currentTimeUs;
  private double currentMid = Double.NaN;
  private double variancePerSecond;
  private long samples;

  /**
   * @param halfLifeSeconds how fast old returns are forgotten; short reacts to a volatility burst
   *                        quickly but is noisy in calm markets
   * @param minSamples      returns needed before the estimate is {@link #ready()}
   */
  public VolatilityEstimator(double halfLifeSeconds, int minSamples) {
    if (!(halfLifeSeconds > 0) || !Double.isFinite(halfLifeSeconds) || minSamples < 1) {
      throw new IllegalArgumentException("half-life must be positive and min samples ≥ 1, got "
          + halfLifeSeconds + ", " + minSamples);
    }
    this.halfLifeSeconds = halfLifeSeconds;
    this.minSamples = minSamples;
  }

  /** A mid price at an event time; non-positive or non-finite mids are ignored. */
  public void onMid(long timeUs, double mid) {
    if (!(mid > 0) || !Double.isFinite(mid)) {
      return;
    }
    if (Double.isNaN(currentMid)) {
      currentTimeUs = timeUs;
      currentMid = mid;
      return;
    }
    if (timeUs <= currentTimeUs) {
      // Same instant (or a clock that stepped back): the instant's last mid wins.
      currentMid = mid;
      return;
    }
    if (!Double.isNaN(previousMid)) {
      sample(Math.log(currentMid / previousMid), (currentTimeUs - previousTimeUs) / MICROS_PER_SECOND);
    }
    previousTimeUs = currentTimeUs;
    previousMid = currentMid;
    currentTimeUs = timeUs;
    currentMid = mid;
  }

  private void sample(double logReturn, double seconds) {
    double perSecond = logReturn * logReturn / seconds;
    if (samples == 0) {
      variancePerSecond = perSecond;
    } else {
      double alpha = -Math.expm1(-seconds * Math.log(2) / halfLifeSeconds);
      variancePerSecond += alpha * (perSecond - variancePerSecond);
    }
    samples++;
  }

  /** Whether at least {@code minSamples} returns were seen. */
  public boolean ready() {
    return samples >= minSamples;
  }

  /** Returns sampled so far. */
  public long samples() {
    return samples;
  }

  /** Variance of log returns per second (0 before the first return). */
  public double variancePerSecond() {
    return variancePerSecond;
  }

  /** σ of log returns per √second. */
  public double logSigmaPerSqrtSecond() {
    return Math.sqrt(variancePerSecond);
  }

  /** σ in price units per √second at the given mid: what Avellaneda–Stoikov's σ² multiplies. */
  public double priceSigmaPerSqrtSecond(double mid) {
    return mid * logSigmaPerSqrtSecond();
  }
}
