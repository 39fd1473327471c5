package dev.tradingsystem.coordinator.consensus.learning;

/**
 * How agent weights learn from realised outcomes.
 *
 * @param priorStrength    pseudo-calls of the prior (half hits, half misses). Larger keeps a
 *                         new agent near its configured weight for longer; smaller lets the first
 *                         few results move it
 * @param halfLife         scored calls after which an old result counts half. Shorter follows a
 *                         regime change sooner but is noisier
 * @param minFactor        floor of the learned factor on the configured weight, in [0, 1]: above
 *                         0 keeps a poor agent audible (its calls keep being scored either way)
 * @param maxFactor        cap of the learned factor, in [1, 2] (2 x hit rate is at most 2)
 * @param minMoveBps       mark-outs smaller than this say nothing: noise within the tick size is
 *                         not a result
 * @param defaultHorizonMs mark-out horizon for signals that state none (horizon_sec 0)
 * @param maxDecisions     decisions remembered for attribution; older ones cannot be credited
 *                         (bounds memory; fills later than that many decisions are unattributed)
 */
public record LearningParams(double priorStrength, double halfLife, double minFactor, double maxFactor,
                             double minMoveBps, long defaultHorizonMs, int maxDecisions) {

  public LearningParams {
    require(priorStrength > 0 && Double.isFinite(priorStrength), "priorStrength must be > 0, got " + priorStrength);
    require(halfLife > 0 && Double.isFinite(halfLife), "halfLife must be > 0, got " + halfLife);
    require(minFactor >= 0 && minFactor <= 1, "minFactor must be in [0, 1], got " + minFactor);
    require(maxFactor >= 1 && maxFactor <= 2, "maxFactor must be in [1, 2], got " + maxFactor);
    require(minMoveBps >= 0 && Double.isFinite(minMoveBps), "minMoveBps must be >= 0, got " + minMoveBps);
    require(defaultHorizonMs > 0, "defaultHorizonMs must be > 0, got " + defaultHorizonMs);
    require(maxDecisions > 0, "maxDecisions must be > 0, got " + maxDecisions);
  }

  /** Each scored call multiplies older evidence by this: 2^(-1/halfLife). */
  public double decay() {
    return Math.pow(2, -1 / halfLife);
  }

  /** Prior hits and prior misses (each half the prior strength). */
  public double priorHalf() {
    return priorStrength / 2;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
