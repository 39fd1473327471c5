package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.shared.ServiceNames;

/**
 * One agent's answer to one analyze request.
 *
 * @param agent  the service that was asked ({@code deepseek-agent}); weights are keyed by its
 *               short name, so an agent cannot pick its own weight through the signal's fields
 * @param signal what it answered
 */
public record AgentAnswer(String agent, AgentSignal signal) {

  public AgentAnswer {
    if (agent == null || agent.isBlank()) {
      throw new IllegalArgumentException("agent is required");
    }
    if (signal == null) {
      throw new IllegalArgumentException("signal is required");
    }
  }

  public String shortName() {
    return ServiceNames.agentShortName(agent);
  }
}
