package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK's own Streamable HTTP client against the desk over loopback, as an AI assistant would
 * connect. The blocking client runs on the test thread, never on an event loop.
 */
@ExtendWith(VertxExtension.class)
class McpLoopbackTest {

  private DeskFixture desk;
  private McpSyncClient client;
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> deadLetters.add(msg.body()));
    DeskFixture.start(vertx, DeskFixture.config()).onComplete(ctx.succeeding(fixture -> {
      desk = fixture;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private McpSyncClient connect(String token) {
    client = desk.client(token);
    client.initialize();
    return client;
  }

  private static JsonObject structured(CallToolResult result) {
    return new JsonObject((Map<String, Object>) result.structuredContent());
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void initializeAnnouncesTheDeskAndListsItsTools() {
    McpSyncClient mcp = desk.client(null);
    client = mcp;
    McpSchema.InitializeResult init = mcp.initialize();

    assertThat(init.serverInfo().name()).isEqualTo("desk");
    assertThat(init.instructions()).contains("market snapshots");
    assertThat(init.capabilities().tools()).isNotNull();
    assertThat(init.capabilities().resources()).isNotNull();
    List<Tool> tools = mcp.listTools().tools();
    assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("get_market_snapshot", "forecast",
        "sentiment", "where_am_i", "stuck", "broken", "pause_strategy", "set_weight");
    Tool snapshot = tools.stream().filter(t -> t.name().equals("get_market_snapshot")).findFirst().orElseThrow();
    assertThat(snapshot.annotations().readOnlyHint()).isTrue();
    assertThat(snapshot.inputSchema()).containsEntry("required", List.of("symbol"));
    Tool pause = tools.stream().filter(t -> t.name().equals("pause_strategy")).findFirst().orElseThrow();
    assertThat(pause.description()).endsWith("(requires the operator role)");
    assertThat(pause.annotations().readOnlyHint()).isFalse();
  }

  @Test
  void aReadOnlyToolAnswersStructuredJsonAndTheSameAsText() {
    CallToolResult result = connect(null).callTool(new CallToolRequest("get_market_snapshot",
        Map.of("symbol", "BTC/USD")));

    assertThat(result.isError()).isFalse();
    assertThat(structured(result)).isEqualTo(new JsonObject().put("symbol", "BTC/USD").put("price", 250.5));
    assertThat(new JsonObject(text(result))).isEqualTo(structured(result));
  }

  @Test
  void declaredDefaultsReachTheHandler() {
    CallToolResult result = connect(null).callTool(new CallToolRequest("forecast", Map.of("symbol", "ETH/USD")));

    assertThat(structured(result).getInteger("horizon")).isEqualTo(60);
    assertThat(structured(result).getString("quantile")).isEqualTo("p50");
  }

  @Test
  void aTextToolAnswersText() {
    CallToolResult result = connect(null).callTool(new CallToolRequest("sentiment",
        Map.of("text", "BTC rally continues")));

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent()).isNull();
    assertThat(text(result)).isEqualTo("bullish");
  }

  @Test
  void handlersRunOnTheContextOfTheVerticleThatBuiltTheServer() {
    CallToolResult result = connect(null).callTool(new CallToolRequest("where_am_i", Map.of()));

    assertThat(structured(result).getBoolean("onOwnContext")).isTrue();
    assertThat(structured(result).getString("caller")).isEqualTo("anonymous");
  }

  @Test
  void aSymbolTheDeskDoesNotKnowIsAToolErrorCountedAndDeadLettered() {
    double before = TradingMetrics.rejected("mcp", "get_market_snapshot", "unknown_symbol").count();

    CallToolResult result = connect(null).callTool(new CallToolRequest("get_market_snapshot",
        Map.of("symbol", "DOGE/USD")));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("Unknown symbol 'DOGE/USD'; known: [BTC/USD, ETH/USD]");
    assertThat(TradingMetrics.rejected("mcp", "get_market_snapshot", "unknown_symbol").count()).isEqualTo(before + 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> !deadLetters.isEmpty());
    assertThat(deadLetters.get(0).getSource()).isEqualTo("desk");
    assertThat(deadLetters.get(0).getReason()).startsWith("unknown_symbol: Unknown symbol 'DOGE/USD'");
    assertThat(deadLetters.get(0).getPayload()).contains("DOGE/USD");
  }

  @Test
  void aToolThatNeverAnswersIsCutOffAtTheDeadline() {
    CallToolResult result = connect(null).callTool(new CallToolRequest("stuck", Map.of()));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("Tool 'stuck' did not answer within 300 ms");
  }

  @Test
  void aToolThatThrowsIsAToolErrorAndTheServerKeepsServing() {
    McpSyncClient mcp = connect(null);
    CallToolResult result = mcp.callTool(new CallToolRequest("broken", Map.of()));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("Tool 'broken' failed: desk ledger unavailable");
    assertThat(mcp.callTool(new CallToolRequest("where_am_i", Map.of())).isError()).isFalse();
    assertThat(desk.desk.server().stats().getJsonObject("toolCalls").getJsonObject("broken").getLong("failed"))
        .isEqualTo(1);
  }

  @Test
  void anUnknownToolIsAnInvalidParamsProtocolError() {
    McpSyncClient mcp = connect(null);

    assertThatThrownBy(() -> mcp.callTool(new CallToolRequest("buy_everything", Map.of())))
        .isInstanceOfSatisfying(McpError.class, e ->
            assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
  }

  @Test
  void resourcesAreListedAndRead() {
    McpSyncClient mcp = connect(null);

    assertThat(mcp.listResources().resources()).extracting(McpSchema.Resource::uri)
        .containsExactlyInAnyOrder("trading://agents", "trading://weights");
    TextResourceContents agents = (TextResourceContents) mcp.readResource(
        new McpSchema.ReadResourceRequest("trading://agents")).contents().get(0);
    assertThat(agents.mimeType()).isEqualTo("application/json");
    assertThat(new JsonObject(agents.text()).getJsonArray("agents")).containsExactly("deepseek", "qwen");
    assertThatThrownBy(() -> mcp.readResource(new McpSchema.ReadResourceRequest("trading://nothing")))
        .isInstanceOfSatisfying(McpError.class, e ->
            assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND));
  }

  @Test
  void aDynamicResourceReflectsWhatAnOperatorChanged() {
    McpSyncClient operator = connect(desk.token("alice", McpRole.OPERATOR));

    CallToolResult set = operator.callTool(new CallToolRequest("set_weight",
        Map.of("agent", "qwen", "weight", 0.8)));
    TextResourceContents weights = (TextResourceContents) operator.readResource(
        new McpSchema.ReadResourceRequest("trading://weights")).contents().get(0);

    assertThat(set.isError()).isFalse();
    assertThat(new JsonObject(weights.text())).isEqualTo(new JsonObject().put("deepseek", 0.5).put("qwen", 0.8));
  }
}
