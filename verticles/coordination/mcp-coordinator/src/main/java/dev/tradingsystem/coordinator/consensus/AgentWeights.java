package dev.tradingsystem.coordinator.consensus;

/**
 * How much each agent's signal counts: a fixed table from config ({@link StaticWeights}) or the
 * weights learned from each agent's realised calls
 * ({@link dev.tradingsystem.coordinator.consensus.learning.WeightBook}).
 */
public interface AgentWeights {

  /** A weight of at least 0 for the agent with this short name ({@code deepseek}). */
  double weight(String agentShortName);
}
