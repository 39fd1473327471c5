package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Future;

/**
 * A model behind a network protocol (OpenAI chat completions, Vertex AI Gen AI or
 * {@code PredictionService}): it renders a request and decodes the answer, nothing else. The
 * deadline, circuit breaker, budget, response cache and fallback are the
 * {@link GuardedRemoteBackend}'s, the same for every protocol.
 */
public interface RemoteModel {

  /** The {@code agents.<short>.backend} value that selects it, e.g. {@code openai}. */
  String backend();

  /** {@code <backend>:<model>:<prompt version>}: a changed prompt is a changed model. */
  String modelId();

  /**
   * Renders the request for one event. Called on the agent's context in event order per symbol,
   * so a model may keep per-symbol context (a forecaster's return history).
   */
  PreparedCall prepare(AnalyzeRequest request);

  /** Releases clients and channels. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
