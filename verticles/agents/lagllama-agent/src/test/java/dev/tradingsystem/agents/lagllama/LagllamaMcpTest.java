package dev.tradingsystem.agents.lagllama;

import static dev.tradingsystem.agents.runtime.mcp.AgentMcpClients.json;
import static dev.tradingsystem.agents.runtime.mcp.AgentMcpClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.agents.runtime.mcp.AgentMcpClients;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.service.ServiceRegistry;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * lagllama-agent's MCP endpoint ({@code /mcp/lagllama}) with the MCP SDK's client over loopback,
 * after the agent was fed the first 300 one-minute candles of the bundled Bitstamp BTC/USD trades
 * through its {@code AgentService}, as the coordinator feeds it.
 */
@ExtendWith(VertxExtension.class)
class LagllamaMcpTest {

  private static final int CANDLES = 300;

  private McpSyncClient client;
  private long lastClose;

  @BeforeEach
  void feedRealCandles(Vertx vertx) throws Exception {
    ProtobufCodecs.registerAll(vertx);
    int port = await(ProcessEndpoints.of(vertx).listen("127.0.0.1", 0)).actualPort();
    await(vertx.deployVerticle(new LagllamaAgentVerticle(), new DeploymentOptions().setConfig(new JsonObject())));
    List<long[]> candles = BitstampCalibrationTest.minuteCloses(Files.readAllLines(
        SharedDataLocator.require("data/trades/bitstamp_trades_from_20131125_usd.csv"))).subList(0, CANDLES);
    AgentService agent = ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.LAGLLAMA);
    Future<?> fed = Future.succeededFuture();
    for (long[] candle : candles) {
      fed = fed.compose(v -> agent.analyze(BitstampCalibrationTest.request(candle[0], candle[1])));
    }
    await(fed);
    lastClose = candles.get(CANDLES - 1)[1];
    client = AgentMcpClients.client(port, "/mcp/lagllama");
    client.initialize();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private CallToolResult forecast(Map<String, Object> arguments) {
    return client.callTool(new CallToolRequest("forecast", arguments));
  }

  @Test
  void listsAnalyzeAndForecast() {
    List<McpSchema.Tool> tools = client.listTools().tools();

    assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("analyze", "forecast");
    assertThat(tools.get(1).inputSchema()).containsEntry("required", List.of("symbol"));
  }

  @Test
  void theDefaultHorizonIsTheSignalsOwnForecast() {
    JsonObject forecast = json(forecast(Map.of("symbol", "BTC/USD")));
    JsonObject signal = json(client.callTool(new CallToolRequest("analyze", Map.of("symbol", "BTC/USD"))));

    assertThat(forecast.getInteger("horizonCandles")).isEqualTo(ForecastConfig.DEFAULT_HORIZON_CANDLES);
    assertThat(forecast.getInteger("intervalSec")).isEqualTo(60);
    assertThat(forecast.getInteger("horizonSec")).isEqualTo(signal.getInteger("horizonSec")).isEqualTo(300);
    assertThat(forecast.getString("quantileSource")).isEqualTo("empirical");
    assertThat(forecast.getString("direction")).isEqualTo(signal.getString("direction"));
    JsonArray quantiles = forecast.getJsonArray("quantiles");
    for (int i = 0; i < 3; i++) {
      assertThat(quantiles.getJsonObject(i).getDouble("logReturn"))
          .isEqualTo(signal.getJsonArray("quantiles").getJsonObject(i).getDouble("value"));
    }
    double close = lastClose / 100.0;
    assertThat(forecast.getJsonObject("asOf").getDouble("close")).isEqualTo(close);
    assertThat(quantiles.getJsonObject(0).getDouble("price")).isLessThan(close);
    assertThat(quantiles.getJsonObject(2).getDouble("price")).isGreaterThan(close);
    assertThat(quantiles.getJsonObject(1).getDouble("price"))
        .isCloseTo(close * Math.exp(quantiles.getJsonObject(1).getDouble("logReturn")), within(1e-9));
  }

  @Test
  void aLongerHorizonIsWiderAndSecondsAreWholeCandles() {
    JsonObject five = json(forecast(Map.of("symbol", "BTC/USD", "horizon", 5)));
    JsonObject sixty = json(forecast(Map.of("symbol", "BTC/USD", "horizon", 60)));
    JsonObject tenMinutes = json(forecast(Map.of("symbol", "BTC/USD", "horizonSec", 600)));

    assertThat(spread(sixty)).isGreaterThan(2 * spread(five));
    assertThat(tenMinutes.getInteger("horizonCandles")).isEqualTo(10);
  }

  @Test
  void badArgumentsAndUnknownSymbolsAreToolErrors() {
    Map<Map<String, Object>, String> refused = Map.of(
        Map.of("symbol", "ETH/USD"), "no candles for ETH/USD yet",
        Map.of("symbol", "BTC/USD", "horizonSec", 90), "horizonSec must be a whole number of 60 s candles",
        Map.of("symbol", "BTC/USD", "horizon", 5, "horizonSec", 300), "give horizon (candles) or horizonSec",
        Map.of("symbol", "BTC/USD", "horizon", 0), "Invalid arguments for tool 'forecast'",
        Map.of("symbol", "BTC/USD", "horizon", ForecastConfig.MAX_HORIZON_CANDLES + 1),
        "Invalid arguments for tool 'forecast'",
        Map.of("symbol", "btc/usd"), "Invalid arguments for tool 'forecast'",
        Map.of("horizon", 5), "Invalid arguments for tool 'forecast'");

    refused.forEach((arguments, message) -> {
      CallToolResult result = forecast(arguments);
      assertThat(result.isError()).as(arguments.toString()).isTrue();
      assertThat(text(result)).as(arguments.toString()).startsWith(message);
    });
  }

  private static double spread(JsonObject forecast) {
    JsonArray quantiles = forecast.getJsonArray("quantiles");
    return quantiles.getJsonObject(2).getDouble("logReturn") - quantiles.getJsonObject(0).getDouble("logReturn");
  }
}
