package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tools the coordinator answers by asking an agent, over loopback with the SDK's client:
 * {@code forecast} through lagllama-agent's AgentService, {@code sentiment} through fingpt-agent's
 * MCP tool, and what the caller hears when the agent cannot answer.
 */
class CoordinatorMcpRoutedToolsTest extends CoordinatorMcpTestBase {

  @Test
  void forecastIsAnsweredByLagllamaWithQuantilesAndImpliedPrices() {
    fixture.tick(1, 800.00);
    McpSyncClient mcp = viewer();

    JsonObject forecast = json(call(mcp, "forecast", Map.of("symbol", "BTC/USD")));
    JsonObject sameHorizon = json(call(mcp, "forecast", Map.of("symbol", "BTC/USD", "horizon", 300)));
    CallToolResult otherHorizon = call(mcp, "forecast", Map.of("symbol", "BTC/USD", "horizon", 60));

    assertThat(forecast.getJsonObject("routedTo")).isEqualTo(new JsonObject().put("agent", "lagllama-agent")
        .put("via", "AgentService.analyze"));
    assertThat(forecast.getString("modelId")).isEqualTo("lagllama-test-model");
    assertThat(forecast.getInteger("horizonSec")).isEqualTo(300);
    JsonObject median = forecast.getJsonArray("quantiles").getJsonObject(1);
    assertThat(median.getDouble("level")).isEqualTo(0.5);
    assertThat(median.getDouble("logReturn")).isEqualTo(0.001);
    assertThat(median.getDouble("price")).isCloseTo(800 * Math.exp(0.001), within(1e-9));
    assertThat(forecast.getJsonObject("asOf").getLong("seq")).isEqualTo(1);
    assertThat(sameHorizon.getInteger("horizonSec")).isEqualTo(300);
    assertThat(otherHorizon.isError()).isTrue();
    assertThat(text(otherHorizon)).contains("forecasts one horizon, 300 s");
  }

  @Test
  void sentimentIsRoutedToFingptsMcpToolWithATokenFromTheSharedKey() throws Exception {
    InTestSentimentServer fingpt = new InTestSentimentServer();
    fixture.vertx.deployVerticle(fingpt).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    McpSyncClient mcp = viewer();

    JsonObject score = json(call(mcp, "sentiment", Map.of("text", "BTC rally continues")));

    assertThat(score.getDouble("score")).isEqualTo(0.71);
    assertThat(score.getString("label")).isEqualTo("bullish");
    assertThat(score.getJsonObject("routedTo").getString("endpoint")).isEqualTo(fixture.baseUrl() + "/mcp/fingpt");
    assertThat(fingpt.callers).containsExactly("mcp-coordinator");
  }

  @Test
  void sentimentWithoutFingptsMcpServerIsAClearToolError() {
    McpSyncClient mcp = viewer();

    CallToolResult result = call(mcp, "sentiment", Map.of("text", "BTC rally continues"));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("sentiment is answered by fingpt-agent's MCP tool 'sentiment' at "
        + fixture.baseUrl() + "/mcp/fingpt, which is not reachable").contains("coordinator.mcp.routes.sentiment");
  }

  @ParameterizedTest(name = "forecast routed to {0}")
  @CsvSource(delimiter = '|', textBlock = """
      agent:absent-agent | forecast is answered by absent-agent through AgentService.analyze, and absent-agent is not deployed or not reachable
      agent:qwen-agent   | qwen-agent has no forecast for BTC/USD yet: degraded (fallback)
      """)
  void aForecastAgentThatCannotAnswerIsAToolErrorNamingIt(String route, String message) throws Exception {
    JsonObject config = CoordinatorMcpFixture.CONFIG.copy();
    config.getJsonObject("coordinator").getJsonObject("mcp").getJsonObject("routes").put("forecast", route);
    fixture.vertx.undeploy(fixture.coordinator.deploymentID()).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    fixture.vertx.deployVerticle(new McpCoordinatorVerticle(), new DeploymentOptions().setConfig(config))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    fixture.tick(1, 800.00);

    CallToolResult result = call(viewer(), "forecast", Map.of("symbol", "BTC/USD"));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith(message);
  }
}
