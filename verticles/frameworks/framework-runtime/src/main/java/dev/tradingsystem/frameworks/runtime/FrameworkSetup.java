package dev.tradingsystem.frameworks.runtime;

/**
 * What a framework hands the runtime once its typed config was read.
 *
 * @param participant         the strategy run on every tick
 * @param portfolioWaitMillis how long a tick waits for the portfolio snapshot of its sequence before
 *                            it is skipped (zero intents, still reported done)
 * @param riskTimeoutMillis   deadline of each risk check; a late answer counts as failed
 */
public record FrameworkSetup(TickParticipant participant, long portfolioWaitMillis, long riskTimeoutMillis) {

  public FrameworkSetup {
    if (participant == null) {
      throw new IllegalArgumentException("participant is required");
    }
    if (portfolioWaitMillis < 1 || riskTimeoutMillis < 1) {
      throw new IllegalArgumentException("deadlines must be at least 1 ms, got portfolio wait "
          + portfolioWaitMillis + ", risk timeout " + riskTimeoutMillis);
    }
  }
}
