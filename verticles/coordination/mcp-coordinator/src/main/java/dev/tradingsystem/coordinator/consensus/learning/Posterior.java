package dev.tradingsystem.coordinator.consensus.learning;

/**
 * An agent's Beta posterior on its hit rate, with exponential forgetting, and the raw counts.
 *
 * @param alpha  prior hits plus decayed hits
 * @param beta   prior misses plus decayed misses
 * @param hits   scored calls that were hits (not decayed; for reports)
 * @param misses scored calls that were misses (not decayed; for reports)
 */
public record Posterior(double alpha, double beta, long hits, long misses) {

  public Posterior {
    if (!(alpha > 0) || !(beta > 0) || !Double.isFinite(alpha) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("alpha and beta must be finite and > 0, got " + alpha + ", " + beta);
    }
    if (hits < 0 || misses < 0) {
      throw new IllegalArgumentException("hits and misses must be >= 0, got " + hits + ", " + misses);
    }
  }

  /** The prior of an agent without results. */
  public static Posterior prior(LearningParams params) {
    return new Posterior(params.priorHalf(), params.priorHalf(), 0, 0);
  }

  /** Posterior mean of the hit rate. */
  public double hitRate() {
    return alpha / (alpha + beta);
  }

  /**
   * After one more scored call: older evidence decays toward the prior, then the new result is
   * added. {@code alpha' = a0 + decay (alpha - a0) + hit}, likewise for beta; neutral calls
   * change nothing.
   */
  public Posterior after(Outcome outcome, LearningParams params) {
    if (outcome == Outcome.NEUTRAL) {
      return this;
    }
    double prior = params.priorHalf();
    double decay = params.decay();
    boolean hit = outcome == Outcome.HIT;
    return new Posterior(prior + decay * (alpha - prior) + (hit ? 1 : 0),
        prior + decay * (beta - prior) + (hit ? 0 : 1),
        hits + (hit ? 1 : 0), misses + (hit ? 0 : 1));
  }
}
