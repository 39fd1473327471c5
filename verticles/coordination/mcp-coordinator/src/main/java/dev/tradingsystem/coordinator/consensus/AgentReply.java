package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.proto.AgentSignal;

/**
 * What asking one agent gave: either its signal or the reason it gave none.
 *
 * @param agent   the service that was asked
 * @param signal  its answer, or null when it is missing
 * @param missing why it gave no answer, or null when it answered
 */
public record AgentReply(String agent, AgentSignal signal, MissingAgent missing) {

  public AgentReply {
    if ((signal == null) == (missing == null)) {
      throw new IllegalArgumentException("a reply is either a signal or a missing agent, not both or neither");
    }
  }

  public static AgentReply answered(String agent, AgentSignal signal) {
    return new AgentReply(agent, signal, null);
  }

  public static AgentReply missing(String agent, MissingReason reason, String detail) {
    return new AgentReply(agent, null, new MissingAgent(agent, reason, detail));
  }

  public boolean answered() {
    return signal != null;
  }
}
