package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;

/**
 * A built-in agent model: turns one validated {@link AnalyzeRequest} (features of one market event,
 * plus any news) into an {@link AgentOpinion}. Plain Java, no Vert.x: the runtime calls it on one
 * thread, and calls for one symbol arrive in {@code meta.seq} order, so a model may keep per-symbol
 * state (EWMAs, windows, fitted parameters) in ordinary fields and update it on every call.
 *
 * <p>The runtime has already checked the request: features are present, the symbol is valid and
 * every double feature is finite. A model that throws does not take the service down: the runtime
 * answers a FLAT signal flagged {@code degraded} instead.
 */
public interface AgentModel {

  /** Stable id of the model and its version, e.g. {@code deepseek-builtin-momentum-v2}. */
  String modelId();

  /** The model's view after this event; also advances the symbol's state. */
  AgentOpinion analyze(AnalyzeRequest request);
}
