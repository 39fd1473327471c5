package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where an agent's opinions come from, selected by {@code agents.<short>.backend}:
 * {@link BuiltinBackend} (the in-process model) or a {@link GuardedRemoteBackend} around a
 * {@link RemoteModel} (OpenAI-compatible, Vertex AI). A remote backend's cache, budget, deadline,
 * circuit breaker and fallback to the built-in model sit behind this interface, so the service around it does not change; a fallback
 * answer says so in {@link BackendAnswer#degradedReason()}.
 *
 * <p>A failed future is not fatal: the service answers a FLAT signal flagged {@code degraded}.
 */
public interface AgentBackend {

  /** The config value that selects this backend, e.g. {@code builtin}. */
  String name();

  /** Model id of this backend's first-choice answers (and of degraded FLAT answers on failure). */
  String modelId();

  /** Called on the agent verticle's context, one request at a time per symbol. */
  Future<BackendAnswer> analyze(AnalyzeRequest request);

  /** Run-report numbers of the backend (calls, tokens, cost, cache hits); none for the built-in model. */
  default JsonObject stats() {
    return new JsonObject();
  }

  /** Releases clients and connections; the built-in backend holds none. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
