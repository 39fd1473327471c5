package dev.tradingsystem.coordinator;

import static dev.tradingsystem.coordinator.CoordinatorMcpFixture.ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.money.Instruments;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coordinator as an MCP server, queried with the SDK's own Streamable HTTP client over
 * loopback the way an assistant would: every read-only tool and resource on real coordinator
 * state, routed tools, and clear tool errors for bad input. The blocking client runs on the test
 * thread, never on an event loop.
 */
class CoordinatorMcpTest extends CoordinatorMcpTestBase {

  @Test
  void initializeNamesTheCoordinatorAndListsEveryTool() {
    McpSyncClient mcp = fixture.client(null);
    client = mcp;

    List<Tool> tools = mcp.listTools().tools();

    assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("get_market_snapshot", "get_features",
        "get_signals", "get_consensus", "get_positions", "get_risk_state", "forecast", "sentiment",
        "explain_decision", "set_weight", "promote_shadow", "pause_agent", "resume_agent", "pause_strategy",
        "resume_strategy");
    assertThat(tools).filteredOn(t -> t.name().startsWith("get_") || t.name().equals("explain_decision"))
        .allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
    assertThat(tools).filteredOn(t -> List.of("set_weight", "promote_shadow", "pause_agent", "resume_agent")
        .contains(t.name())).allSatisfy(t -> assertThat(t.description()).endsWith("(requires the operator role)"));
    Tool setWeight = tools.stream().filter(t -> t.name().equals("set_weight")).findFirst().orElseThrow();
    assertThat(new JsonObject(setWeight.inputSchema()).getJsonObject("properties").getJsonObject("agent")
        .getJsonArray("enum")).containsExactly("deepseek", "qwen", "lagllama", "fingpt");
    assertThat(mcp.listResources().resources()).extracting(McpSchema.Resource::uri)
        .containsExactlyInAnyOrder("trading://agents", "trading://weights");
  }

  @Test
  void theMarketSnapshotAndFeaturesAreTheLatestTheCoordinatorSaw() {
    fixture.tick(1, 800.00);
    fixture.tick(2, 801.50);
    fixture.vertx.eventBus().publish(Addresses.FEATURES_CANDLE, CoordinatorMcpFixture.candleFeatures(2, 801.0));
    McpSyncClient mcp = viewer();

    JsonObject snapshot = json(call(mcp, "get_market_snapshot", Map.of("symbol", "BTC/USD")));
    await().atMost(Duration.ofSeconds(5)).until(() -> !call(mcp, "get_features",
        Map.of("symbol", "BTC/USD", "timeframe", "1m")).isError());
    JsonObject tick = json(call(mcp, "get_features", Map.of("symbol", "BTC/USD")));
    JsonObject minute = json(call(mcp, "get_features", Map.of("symbol", "BTC/USD", "timeframe", "60")));
    CallToolResult fiveMinutes = call(mcp, "get_features", Map.of("symbol", "BTC/USD", "timeframe", "5m"));

    assertThat(snapshot.getDouble("price")).isEqualTo(801.50);
    assertThat(snapshot.getDouble("mid")).isCloseTo(801.55, within(1e-9));
    assertThat(snapshot.getDouble("bestBid")).isEqualTo(801.50);
    assertThat(snapshot.getDouble("bestAsk")).isCloseTo(801.60, within(1e-9));
    assertThat(snapshot.getDouble("spreadBps")).isEqualTo(1.25);
    assertThat(snapshot.getDouble("lastSize")).isEqualTo(0.25);
    assertThat(snapshot.getString("venue")).isEqualTo("bitstamp");
    assertThat(snapshot.getJsonObject("event").getLong("seq")).isEqualTo(2);
    assertThat(snapshot.getJsonObject("event").getString("eventTime")).isEqualTo("1970-01-01T00:00:02Z");
    assertThat(tick.getString("timeframe")).isEqualTo("tick");
    assertThat(tick.getJsonObject("features").getDouble("rsi")).isEqualTo(61.5);
    assertThat(tick.getJsonObject("features").getDouble("bookImbalance")).as("zero values shown").isZero();
    assertThat(minute.getString("timeframe")).isEqualTo("1m");
    assertThat(minute.getJsonObject("features").getJsonObject("closedCandle").getInteger("intervalSec")).isEqualTo(60);
    assertThat(fiveMinutes.isError()).isTrue();
    assertThat(text(fiveMinutes)).isEqualTo("No 5m features for BTC/USD yet; available: [tick, 1m]");
  }

  @Test
  void signalsAndConsensusShowEachAgentItsWeightAndWhoIsMissing() {
    fixture.tick(1, 800.00);
    McpSyncClient mcp = viewer();

    JsonObject signals = json(call(mcp, "get_signals", Map.of("symbol", "BTC/USD")));
    JsonObject consensus = json(call(mcp, "get_consensus", Map.of("symbol", "BTC/USD")));

    JsonArray list = signals.getJsonArray("signals");
    assertThat(list.stream().map(s -> ((JsonObject) s).getString("agent")))
        .containsExactly("deepseek", "qwen", "lagllama", "fingpt");
    JsonObject qwen = list.getJsonObject(1);
    assertThat(qwen.getBoolean("degraded")).isTrue();
    assertThat(qwen.getString("degradedReason")).isEqualTo("fallback");
    assertThat(qwen.getString("role")).isEqualTo("panel");
    assertThat(qwen.getDouble("weight")).isEqualTo(1.0);
    assertThat(list.getJsonObject(3).getString("role")).isEqualTo("shadow");
    assertThat(list.getJsonObject(2).getJsonArray("quantiles")).hasSize(3);
    assertThat(list.getJsonObject(0).getString("modelId")).isEqualTo("deepseek-test-model");

    assertThat(consensus.getString("direction")).isEqualTo("LONG");
    assertThat(consensus.getBoolean("quorum")).isTrue();
    assertThat(consensus.getBoolean("degraded")).as("qwen answered from its fallback").isTrue();
    assertThat(consensus.getDouble("expectedEdgeBps")).isEqualTo(fixture.consensus.get(1L).getExpectedEdgeBps());
    assertThat(consensus.getDouble("edgeVarianceBps2")).isEqualTo(fixture.consensus.get(1L).getEdgeVariance());
    assertThat(consensus.getJsonArray("signals").stream().map(s -> ((JsonObject) s).getDouble("fusedWeight")))
        .containsExactly(1.0, 1.0, 1.0);
    assertThat(consensus.getJsonArray("missing")).isEmpty();
  }

  @Test
  void explainDecisionFindsTheDecisionAnOrderWasPlacedOnWithItsFills() {
    fixture.tick(1, 800.00);
    Instrument btc = Instruments.BITSTAMP_BTC_USD;
    fixture.vertx.eventBus().publish(Addresses.ORDERS, Order.newBuilder()
        .setMeta(CoordinatorMcpFixture.meta(1)).setOrderId(ORDER_ID).setIntentId("freqtrade-hft.momentum-1")
        .setStrategyId("freqtrade-hft.momentum").setInstrument(btc).setStatus(OrderStatus.ACCEPTED).build());
    fixture.vertx.eventBus().publish(Addresses.EXECUTIONS, Execution.newBuilder()
        .setMeta(CoordinatorMcpFixture.meta(2)).setExecutionId("x-1").setOrderId(ORDER_ID)
        .setStrategyId("freqtrade-hft.momentum").setInstrument(btc).setSide(Side.BUY)
        .setPrice(80_010).setQuantity(10_000_000).setFeeMicros(2_000_000).setLiquidity(Liquidity.TAKER).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> fixture.coordinator.state().explain(ORDER_ID)
        .map(record -> !record.fills().isEmpty()).orElse(false));
    McpSyncClient mcp = viewer();

    JsonObject byOrder = json(call(mcp, "explain_decision", Map.of("order_id", ORDER_ID)));
    JsonObject byTrace = json(call(mcp, "explain_decision", Map.of("order_id", "t-1")));
    CallToolResult unknown = call(mcp, "explain_decision", Map.of("order_id", "o-never-placed"));

    assertThat(byOrder.getString("traceId")).isEqualTo("t-1");
    assertThat(byOrder.getJsonArray("orderIds")).containsExactly(ORDER_ID);
    assertThat(byOrder.getJsonObject("consensus").getString("direction")).isEqualTo("LONG");
    assertThat(byOrder.getJsonArray("contributions").stream().map(c -> ((JsonObject) c).getString("agent")))
        .containsExactly("deepseek", "qwen", "lagllama");
    assertThat(byOrder.getJsonArray("contributions").getJsonObject(2).getString("readAs")).isEqualTo("forecast");
    assertThat(byOrder.getJsonArray("shadow").getJsonObject(0).getString("agent")).isEqualTo("fingpt");
    assertThat(byOrder.getJsonObject("weights").getMap()).containsEntry("deepseek", 1.0);
    JsonObject fill = byOrder.getJsonArray("fills").getJsonObject(0);
    assertThat(fill.getDouble("price")).isEqualTo(800.10);
    assertThat(fill.getDouble("quantity")).isEqualTo(0.1);
    assertThat(fill.getDouble("fee")).isEqualTo(2.0);
    assertThat(fill.getString("side")).isEqualTo("BUY");
    assertThat(byTrace).isEqualTo(byOrder.put("query", "t-1"));
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).startsWith("No decision recorded for 'o-never-placed'.");
  }

  @Test
  void positionsAndRiskStateComeFromThePortfolioAndRiskStreams() {
    McpSyncClient mcp = viewer();
    CallToolResult none = call(mcp, "get_positions", Map.of());
    fixture.vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, PortfolioState.newBuilder()
        .setMeta(CoordinatorMcpFixture.meta(3)).setCashMicros(9_000_000_000L).setEquityMicros(10_001_500_000L)
        .setUnrealizedPnlMicros(1_500_000).setDrawdown(0.01)
        .addPositions(Position.newBuilder().setStrategyId("freqtrade-hft.momentum")
            .setInstrument(Instruments.BITSTAMP_BTC_USD).setQuantity(125_000_000).setCostMicros(1_000_000_000)
            .setMarkPrice(80_120).setUnrealizedPnlMicros(1_500_000))
        .build());
    fixture.vertx.eventBus().publish(Addresses.RISK_STATUS, TradingStatus.newBuilder()
        .setState(TradingState.HALTED).setReason("max drawdown 5% reached").setChangedAtUs(3_000_000).build());
    fixture.vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setMeta(CoordinatorMcpFixture.meta(3))
        .setSeverity(AlertSeverity.CRITICAL).setCode("KILL_SWITCH").setMessage("halted").setSymbol("BTC/USD")
        .setTradingState(TradingState.HALTED).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> !call(mcp, "get_positions", Map.of()).isError()
        && json(call(mcp, "get_risk_state", Map.of())).getJsonArray("recentAlerts").size() == 1);

    JsonObject positions = json(call(mcp, "get_positions", Map.of()));
    JsonObject risk = json(call(mcp, "get_risk_state", Map.of()));

    assertThat(none.isError()).isTrue();
    assertThat(text(none)).startsWith("No portfolio snapshot yet");
    assertThat(positions.getDouble("equity")).isEqualTo(10_001.5);
    assertThat(positions.getDouble("cash")).isEqualTo(9_000.0);
    JsonObject position = positions.getJsonArray("positions").getJsonObject(0);
    assertThat(position.getString("symbol")).isEqualTo("BTC/USD");
    assertThat(position.getDouble("quantity")).isEqualTo(1.25);
    assertThat(position.getDouble("markPrice")).isEqualTo(801.20);
    assertThat(position.getDouble("unrealizedPnl")).isEqualTo(1.5);
    assertThat(risk.getString("tradingState")).isEqualTo("HALTED");
    assertThat(risk.getString("reason")).isEqualTo("max drawdown 5% reached");
    assertThat(risk.getJsonArray("recentAlerts").getJsonObject(0).getString("code")).isEqualTo("KILL_SWITCH");
    assertThat(risk.getJsonObject("recentAlertsBySeverity").getLong("CRITICAL")).isEqualTo(1);
    assertThat(risk.getJsonObject("riskManager").getBoolean("available")).as("no risk-manager deployed").isFalse();
    JsonObject haircut = risk.getJsonObject("sizeHaircut");
    assertThat(haircut.getString("tradingState")).as("the damper obeys the halt").isEqualTo("HALTED");
    assertThat(haircut.getDouble("warningHaircut")).isEqualTo(0.5);
    assertThat(haircut.getJsonArray("alertsHeld")).as("the kill switch's alert is obeyed through risk.status").isEmpty();
  }

  @Test
  void aCoordinatorRedeployedInTheSameProcessServesTheEndpointAgain() throws Exception {
    fixture.vertx.undeploy(fixture.coordinator.deploymentID()).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    McpCoordinatorVerticle restarted = new McpCoordinatorVerticle();
    fixture.vertx.deployVerticle(restarted, new DeploymentOptions().setConfig(CoordinatorMcpFixture.CONFIG))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    fixture.tick(7, 805.0);

    JsonObject snapshot = json(call(viewer(), "get_market_snapshot", Map.of("symbol", "BTC/USD")));

    assertThat(snapshot.getJsonObject("event").getLong("seq")).as("answered by the new coordinator").isEqualTo(7);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      get_consensus  | {"symbol": "ETH/USD"}                       | Unknown symbol 'ETH/USD'; the coordinator has market data for [BTC/USD]
      get_signals    | {"symbol": "btc-usd"}                       | Invalid arguments for tool 'get_signals': /symbol: does not match the regex pattern
      get_consensus  | {}                                          | Invalid arguments for tool 'get_consensus': required property 'symbol' not found
      get_features   | {"symbol": "BTC/USD", "timeframe": "week"}  | Invalid arguments for tool 'get_features': /timeframe: does not match the regex pattern
      forecast       | {"symbol": "BTC/USD", "horizon": 0}         | Invalid arguments for tool 'forecast': /horizon: must have a minimum value of 1
      forecast       | {"symbol": "BTC/USD", "horizon": "soon"}    | Invalid arguments for tool 'forecast': /horizon: string found, integer expected
      sentiment      | {"text": ""}                                | Invalid arguments for tool 'sentiment': /text: must be at least 1 characters long
      get_positions  | {"strategy": "x"}                           | Invalid arguments for tool 'get_positions': property 'strategy' is not defined in the schema
      """)
  void badInputIsAToolErrorThatSaysWhatToFix(String tool, String arguments, String message) {
    fixture.tick(1, 800.00);
    McpSyncClient mcp = viewer();

    CallToolResult result = call(mcp, tool, new JsonObject(arguments).getMap());

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith(message);
  }

  @Test
  void resourcesDescribeTheAgentsAndTheirWeights() {
    fixture.tick(1, 800.00);
    McpSyncClient mcp = viewer();

    JsonObject agents = new JsonObject(((TextResourceContents) mcp.readResource(
        new McpSchema.ReadResourceRequest("trading://agents")).contents().get(0)).text());
    JsonObject weights = new JsonObject(((TextResourceContents) mcp.readResource(
        new McpSchema.ReadResourceRequest("trading://weights")).contents().get(0)).text());

    JsonObject lagllama = agents.getJsonArray("agents").getJsonObject(2);
    assertThat(lagllama.getString("name")).isEqualTo("lagllama");
    assertThat(lagllama.getString("specialty")).startsWith("Probabilistic forecasting");
    assertThat(lagllama.getString("modelId")).isEqualTo("lagllama-test-model");
    assertThat(lagllama.getString("backend")).isEqualTo("builtin");
    assertThat(lagllama.getString("role")).isEqualTo("panel");
    JsonObject fingpt = agents.getJsonArray("agents").getJsonObject(3);
    assertThat(fingpt.getString("role")).isEqualTo("shadow");
    assertThat(fingpt.getBoolean("promoted")).isFalse();
    assertThat(fingpt.getBoolean("paused")).isFalse();
    JsonObject deepseek = weights.getJsonObject("agents").getJsonObject("deepseek");
    assertThat(deepseek.getDouble("weight")).isEqualTo(1.0);
    assertThat(deepseek.getJsonObject("posterior").getDouble("hitRate")).isEqualTo(0.5);
    assertThat(weights.getJsonObject("learning").getBoolean("enabled")).isTrue();
    assertThat(weights.getValue("weightsFile")).as("replays do not persist by default").isNull();
  }
}
