package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Future;

/**
 * Where an agent's opinions come from, selected by {@code agents.<short>.backend}. This build
 * ships only {@link BuiltinBackend} (the in-process model); remote backends (Vertex AI,
 * OpenAI-compatible endpoints) implement the same interface, and their budgets, caching and
 * fallback to the built-in model sit behind it, so the service around it does not change.
 *
 * <p>A failed future is not fatal: the service answers a FLAT signal flagged {@code degraded}.
 */
public interface AgentBackend {

  /** The config value that selects this backend, e.g. {@code builtin}. */
  String name();

  /** Model id stamped on every signal this backend produces. */
  String modelId();

  /** Called on the agent verticle's context, one request at a time per symbol. */
  Future<AgentOpinion> analyze(AnalyzeRequest request);

  /** Releases clients and connections; the built-in backend holds none. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
