package dev.tradingsystem.agents.runtime;

import java.util.Objects;

/**
 * One backend answer: the opinion, the model that produced it and, when a remote backend could not
 * answer and its fallback did, why. A fallback answer is a real signal of the fallback model, so
 * it is published like any other, but flagged {@code degraded} for consensus and operators.
 *
 * @param opinion        what the model thinks
 * @param modelId        the model that actually answered (the fallback's id after a fallback)
 * @param degradedReason null for a first-choice answer, else a short cause such as {@code timeout}
 */
public record BackendAnswer(AgentOpinion opinion, String modelId, String degradedReason) {

  public BackendAnswer {
    Objects.requireNonNull(opinion, "opinion");
    Objects.requireNonNull(modelId, "modelId");
  }

  /** A first-choice answer. */
  public static BackendAnswer of(String modelId, AgentOpinion opinion) {
    return new BackendAnswer(opinion, modelId, null);
  }

  /** An answer of the fallback model given because the first choice failed for {@code reason}. */
  public static BackendAnswer fallback(BackendAnswer fallbackAnswer, String reason) {
    return new BackendAnswer(fallbackAnswer.opinion(), fallbackAnswer.modelId(), Objects.requireNonNull(reason));
  }

  public boolean degraded() {
    return degradedReason != null;
  }
}
