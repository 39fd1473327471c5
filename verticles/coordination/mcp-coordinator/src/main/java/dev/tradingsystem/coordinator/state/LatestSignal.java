package dev.tradingsystem.coordinator.state;

import dev.tradingsystem.proto.AgentSignal;

/** The last fresh signal of an agent for a symbol, and whether the agent was a shadow then. */
public record LatestSignal(String agent, boolean shadow, AgentSignal signal) {
}
