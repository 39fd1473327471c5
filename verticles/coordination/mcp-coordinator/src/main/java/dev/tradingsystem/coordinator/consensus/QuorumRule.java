package dev.tradingsystem.coordinator.consensus;

import java.util.List;

/**
 * When enough agents answered for a directional call. Today a minimum count; rules that
 * require particular agents or agreement plug in here.
 */
public interface QuorumRule {

  /** True when the answers (from {@code asked} agents) are enough to trade on. */
  boolean met(List<AgentAnswer> answers, int asked);
}
