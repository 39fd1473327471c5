package dev.tradingsystem.coordinator.consensus;

/**
 * How much each agent's vote counts. Today a fixed table from config; learned weights from
 * each agent's realised performance plug in here.
 */
public interface AgentWeights {

  /** A weight of at least 0 for the agent with this short name ({@code deepseek}). */
  double weight(String agentShortName);
}
