package dev.tradingsystem.agents.fingpt;

import static dev.tradingsystem.agents.runtime.mcp.AgentMcpClients.json;
import static dev.tradingsystem.agents.runtime.mcp.AgentMcpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.mcp.AgentMcpClients;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * fingpt-agent's MCP endpoint ({@code /mcp/fingpt}) with the MCP SDK's client over loopback, as
 * the coordinator routes {@code sentiment} to it: headlines scored by the built-in lexicon, bad
 * arguments refused as tool errors, and scoring that leaves the agent's news window alone.
 */
@ExtendWith(VertxExtension.class)
class FingptMcpTest {

  private Vertx vertx;
  private McpSyncClient client;

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    this.vertx = vertx;
    ProtobufCodecs.registerAll(vertx);
    int port = await(ProcessEndpoints.of(vertx).listen("127.0.0.1", 0)).actualPort();
    await(vertx.deployVerticle(new FingptAgentVerticle(), new DeploymentOptions().setConfig(new JsonObject())));
    client = AgentMcpClients.client(port, "/mcp/fingpt");
    client.initialize();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private CallToolResult sentiment(Map<String, Object> arguments) {
    return client.callTool(new CallToolRequest("sentiment", arguments));
  }

  @Test
  void listsAnalyzeAndSentiment() {
    List<McpSchema.Tool> tools = client.listTools().tools();

    assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("analyze", "sentiment");
    assertThat(tools.get(1).annotations().readOnlyHint()).isTrue();
    assertThat(tools.get(1).inputSchema()).containsEntry("required", List.of("text"));
  }

  @Test
  void aBullishHeadlineScoresPositiveWithItsTerms() {
    JsonObject answer = json(sentiment(Map.of("text", "Bitcoin soars to record high as ETF wins approval")));

    assertThat(answer.getString("label")).isEqualTo("bullish");
    assertThat(answer.getString("sentiment")).isEqualTo("positive");
    assertThat(answer.getDouble("score")).isGreaterThan(SentimentConfig.DEFAULT_HEADLINE_THRESHOLD);
    assertThat(answer.getDouble("confidence")).isBetween(0.0, 1.0).isPositive();
    assertThat(answer.getString("model")).isEqualTo(SentimentModel.MODEL_ID);
    assertThat(answer.getJsonArray("terms")).isNotEmpty();
    assertThat(answer.getInteger("hits")).isEqualTo(answer.getJsonArray("terms").size());
  }

  @Test
  void aBearishHeadlineScoresNegative() {
    JsonObject answer = json(sentiment(Map.of("text", "Exchange hack: bitcoin plunges, traders fear bankruptcy")));

    assertThat(answer.getString("label")).isEqualTo("bearish");
    assertThat(answer.getString("sentiment")).isEqualTo("negative");
    assertThat(answer.getDouble("score")).isLessThan(-SentimentConfig.DEFAULT_HEADLINE_THRESHOLD);
    assertThat(answer.getJsonArray("terms").stream().map(term -> ((JsonObject) term).getDouble("contribution")))
        .anySatisfy(contribution -> assertThat(contribution).isNegative());
  }

  @Test
  void argumentsOutsideTheSchemaAreToolErrors() {
    List<CallToolResult> refused = List.of(
        sentiment(Map.of()),
        sentiment(Map.of("text", "")),
        sentiment(Map.of("text", "x".repeat(SentimentTool.MAX_TEXT_CHARS + 1))),
        sentiment(Map.of("text", "Bitcoin soars", "model", "remote")),
        sentiment(Map.of("text", 42)));

    assertThat(refused).allSatisfy(result -> {
      assertThat(result.isError()).isTrue();
      assertThat(text(result)).startsWith("Invalid arguments for tool 'sentiment'");
    });
  }

  @Test
  void scoringLeavesTheNewsWindowAlone() throws Exception {
    assertThat(json(sentiment(Map.of("text", "SEC approves spot bitcoin ETF, BTC soars"))).getString("label"))
        .isEqualTo("bullish");

    AgentSignal signal = await(ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.FINGPT)
        .analyze(SentimentModelTest.tick("BTC/USD", SentimentModelTest.T0)));

    assertThat(signal.getDirection()).isEqualTo(Direction.FLAT);
    assertThat(signal.getRationale()).contains("no news");
    CallToolResult latest = client.callTool(new CallToolRequest("analyze", Map.of("symbol", "BTC/USD")));
    assertThat(json(latest).getString("rationale")).contains("no news");
  }
}
