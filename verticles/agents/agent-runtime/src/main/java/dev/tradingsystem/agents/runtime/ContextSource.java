package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Future;

/**
 * Where a remote model's prompt context comes from ({@link PromptContext}); the agents fetch it
 * from the coordinator's MCP tools ({@code agents.<short>.mcp.context}). The
 * {@link GuardedRemoteBackend} awaits it after the question is prepared and before the response
 * cache is consulted, only for questions that can carry context (prompts, not number series).
 */
public interface ContextSource {

  /**
   * The context of one event. Never fails and never waits past the source's own deadline: a tool
   * that fails or is late is left out (and counted), so a prompt goes without it rather than the
   * signal being degraded. Called on the agent's context.
   */
  Future<PromptContext> fetch(AnalyzeRequest request);

  /** Releases connections. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
