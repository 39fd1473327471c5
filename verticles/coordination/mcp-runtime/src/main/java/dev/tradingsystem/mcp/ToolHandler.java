package dev.tradingsystem.mcp;

import io.vertx.core.Future;

/**
 * Serves one tool call. Runs on the context of the verticle that built the server, so it may touch
 * that verticle's state; it must not block. Fail the future with {@link ToolRejection} for bad
 * input the schema could not catch; any other failure becomes a tool error and is logged.
 */
@FunctionalInterface
public interface ToolHandler {

  Future<ToolResult> call(ToolCall call);
}
