package dev.tradingsystem.coordinator.state;

import dev.tradingsystem.coordinator.consensus.learning.Standing;

/**
 * An agent as operators see it: its service, whether it is on trial in the shadow or paused by
 * an operator, and its weight with the record behind it.
 */
public record AgentView(String service, boolean shadow, boolean paused, Standing standing) {
}
