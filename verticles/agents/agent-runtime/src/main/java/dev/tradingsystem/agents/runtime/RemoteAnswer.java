package dev.tradingsystem.agents.runtime;

import java.util.Objects;

/** A remote model's checked opinion and the tokens it cost. */
public record RemoteAnswer(AgentOpinion opinion, TokenUsage usage) {

  public RemoteAnswer {
    Objects.requireNonNull(opinion, "opinion");
    Objects.requireNonNull(usage, "usage");
  }
}
