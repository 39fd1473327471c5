package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.shared.config.ConfigReader;
import java.time.Duration;

/**
 * The remote-answer cache of one agent, keys {@code agents.<short>.responseCache.*}; the store
 * itself is the process's cache port ({@code cache.*}: Redis when configured, else in-process).
 *
 * @param enabled on by default: replays and restarts then never pay twice for one question.
 *                Off only costs money; answers are keyed by event time, so they never go stale
 * @param ttl     how long an answer is kept; a week covers re-running last week's incident
 */
public record ResponseCacheConfig(boolean enabled, Duration ttl) {

  public static final long DEFAULT_TTL_SEC = 7 * 86_400;

  public static ResponseCacheConfig from(ConfigReader config, String agent) {
    return new ResponseCacheConfig(
        config.bool(AgentRuntimeConfig.key(agent, "responseCache.enabled"), true),
        Duration.ofSeconds(config.integer(AgentRuntimeConfig.key(agent, "responseCache.ttlSec"), DEFAULT_TTL_SEC,
            1, 366L * 86_400)));
  }
}
