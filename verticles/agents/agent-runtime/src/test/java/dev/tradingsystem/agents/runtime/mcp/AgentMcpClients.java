package dev.tradingsystem.agents.runtime.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;

/**
 * The MCP SDK's own Streamable HTTP client, as an assistant (or the coordinator) connects to an
 * agent's endpoint. It blocks: use it on the test thread, never on an event loop.
 */
public final class AgentMcpClients {

  private AgentMcpClients() {
  }

  /** A client of the endpoint at {@code path} on the loopback port (not yet initialised). */
  public static McpSyncClient client(int port, String path) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint(path).build())
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** The structured content of a result. */
  @SuppressWarnings("unchecked")
  public static JsonObject json(CallToolResult result) {
    return new JsonObject((Map<String, Object>) result.structuredContent());
  }

  /** The text of a result's first content (the error message of a tool error). */
  public static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
