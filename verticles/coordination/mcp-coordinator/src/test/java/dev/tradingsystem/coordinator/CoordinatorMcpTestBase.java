package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A coordinator with its MCP server per test ({@link CoordinatorMcpFixture}) and the SDK's client
 * over loopback, closed after the test. The blocking client runs on the test thread, never on an
 * event loop.
 */
@ExtendWith(VertxExtension.class)
abstract class CoordinatorMcpTestBase {

  protected CoordinatorMcpFixture fixture;
  protected McpSyncClient client;

  @BeforeEach
  void startCoordinator(Vertx vertx, VertxTestContext ctx) {
    CoordinatorMcpFixture.start(vertx).onComplete(ctx.succeeding(started -> {
      fixture = started;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  /** A client without a token: an anonymous viewer. */
  protected McpSyncClient viewer() {
    client = fixture.client(null);
    return client;
  }

  /** The tool's JSON answer; fails the test on a tool error, showing its text. */
  protected static JsonObject json(CallToolResult result) {
    assertThat(result.isError()).as("tool error: %s", text(result)).isFalse();
    return new JsonObject(text(result));
  }

  protected static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  protected static CallToolResult call(McpSyncClient mcp, String tool, Map<String, Object> arguments) {
    return mcp.callTool(new CallToolRequest(tool, arguments));
  }
}
