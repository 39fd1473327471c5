package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.shared.config.ConfigReader;

/**
 * Deadline and circuit breaker of one agent's remote backend, keys
 * {@code agents.<short>.<backend>.{timeoutMs,maxFailures,resetTimeoutMs}}.
 *
 * @param timeoutMs      deadline of one call; longer lets bigger models answer, shorter keeps the
 *                       coordinator's per-agent deadline from expiring before our fallback answers
 * @param maxFailures    failures in a row that open the circuit; low trips on a blip, high keeps
 *                       paying the timeout on a dead endpoint
 * @param resetTimeoutMs how long an open circuit answers from the fallback before one trial call
 */
public record RemoteCallPolicy(int timeoutMs, int maxFailures, long resetTimeoutMs) {

  public static final int DEFAULT_TIMEOUT_MS = 5_000;
  public static final int DEFAULT_MAX_FAILURES = 5;
  public static final long DEFAULT_RESET_TIMEOUT_MS = 30_000;

  public static RemoteCallPolicy from(ConfigReader config, String agent, String backend) {
    String prefix = backend + ".";
    return new RemoteCallPolicy(
        config.integer(AgentRuntimeConfig.key(agent, prefix + "timeoutMs"), DEFAULT_TIMEOUT_MS, 1, 600_000),
        config.integer(AgentRuntimeConfig.key(agent, prefix + "maxFailures"), DEFAULT_MAX_FAILURES, 1, 1_000),
        config.integer(AgentRuntimeConfig.key(agent, prefix + "resetTimeoutMs"), DEFAULT_RESET_TIMEOUT_MS, 1,
            86_400_000L));
  }
}
