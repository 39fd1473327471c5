package dev.tradingsystem.coordinator.consensus;

import java.util.List;

/**
 * When enough agents answered for a directional call. A minimum count today; rules that
 * require particular agents or agreement plug in here.
 */
public interface QuorumRule {

  /** True when the fresh answers (from {@code asked} panel agents) are enough to trade on. */
  boolean met(List<AgentAnswer> answers, int asked);
}
