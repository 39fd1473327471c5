package dev.tradingsystem.coordinator.consensus;

/**
 * An asked agent whose answer is not part of a decision.
 *
 * @param agent  the service that was asked ({@code fingpt-agent})
 * @param reason why it is missing
 * @param detail what happened, for logs and {@code explain_decision} (an error message, the age
 *               of a stale signal)
 */
public record MissingAgent(String agent, MissingReason reason, String detail) {

  public MissingAgent {
    if (agent == null || agent.isBlank()) {
      throw new IllegalArgumentException("agent is required");
    }
    if (reason == null) {
      throw new IllegalArgumentException("reason is required");
    }
    detail = detail == null ? "" : detail;
  }
}
