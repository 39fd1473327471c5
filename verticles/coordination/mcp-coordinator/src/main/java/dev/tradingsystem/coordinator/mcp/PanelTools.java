package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.consensus.Contribution;
import dev.tradingsystem.coordinator.consensus.MissingAgent;
import dev.tradingsystem.coordinator.consensus.learning.ScoredCall;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import dev.tradingsystem.coordinator.state.AgentView;
import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.coordinator.state.DecisionRecord;
import dev.tradingsystem.coordinator.state.LatestSignal;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolCall;
import dev.tradingsystem.mcp.ToolRejection;
import dev.tradingsystem.mcp.ToolResult;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agents' views and the coordinator's decisions: {@code get_signals}, {@code get_consensus}
 * and {@code explain_decision}.
 */
final class PanelTools {

  private final CoordinatorState state;
  private final SymbolGuard symbols;

  PanelTools(CoordinatorState state, SymbolGuard symbols) {
    this.state = state;
    this.symbols = symbols;
  }

  List<McpTool> tools() {
    return List.of(signals(), consensus(), explain());
  }

  private McpTool signals() {
    return McpTool.readOnly("get_signals")
        .title("Agent signals")
        .description("The latest fresh signal of each agent for a symbol: direction, strength, confidence, "
            + "horizon, forecast quantiles (log returns), model id, rationale, whether it came from a fallback "
            + "model (degraded, with the reason), and the agent's role (panel or shadow), paused flag and "
            + "current weight (configured base x learned factor).")
        .input(InputSchema.object().required("symbol", SymbolGuard.property()))
        .handleJson(call -> Future.succeededFuture(signals(symbols.known(call.string("symbol")))))
        .build();
  }

  private McpTool consensus() {
    return McpTool.readOnly("get_consensus")
        .title("Latest consensus")
        .description("The latest consensus published for a symbol: direction, score in [-1, 1], confidence, "
            + "expected edge (bps) with its variance and sigma, whether the quorum was met, whether it is "
            + "degraded, each signal with the weight it was fused with, and every missing agent with the reason "
            + "(timeout, error, unavailable, empty, stale, paused) and detail.")
        .input(InputSchema.object().required("symbol", SymbolGuard.property()))
        .handle(this::consensus)
        .build();
  }

  private McpTool explain() {
    return McpTool.readOnly("explain_decision")
        .title("Explain a decision")
        .description("Everything behind the decision an order was placed on: the consensus, each panel answer's "
            + "edge, variance, weight and share of the fused edge, what the shadow agents said, who was missing "
            + "and why, the weights of the moment, the orders and fills, and how each call was judged afterwards "
            + "(mark-out in bps: hit, miss or neutral). Order ids are 'o-' + intent id, e.g. "
            + "'o-freqtrade-hft.momentum-12'; a trace id such as 't-42' works too. The coordinator remembers "
            + "the latest coordinator.learning.maxDecisions decisions.")
        .input(InputSchema.object().required("order_id",
            SchemaProperty.string("Order id ('o-<intent id>') or trace id ('t-<seq>')").length(1, 200)))
        .handleJson(this::explain)
        .build();
  }

  /** The latest signals in roster order (panel first), each with the agent's role and weight now. */
  private JsonObject signals(String symbol) {
    Map<String, LatestSignal> latest = new LinkedHashMap<>();
    state.latestSignals(symbol).forEach(signal -> latest.put(signal.agent(), signal));
    JsonArray signals = new JsonArray();
    for (AgentView view : state.agents()) {
      LatestSignal signal = latest.get(view.standing().agent());
      if (signal != null) {
        Standing standing = view.standing();
        signals.add(TradingJson.signal(signal.signal())
            .put("role", view.shadow() ? "shadow" : "panel")
            .put("paused", view.paused())
            .put("weight", standing.weight())
            .put("baseWeight", standing.baseWeight())
            .put("learnedFactor", standing.factor()));
      }
    }
    JsonObject answer = new JsonObject().put("symbol", symbol).put("signals", signals);
    if (signals.isEmpty()) {
      answer.put("note", "No agent has given a fresh signal for " + symbol + " yet");
    }
    return answer;
  }

  private Future<ToolResult> consensus(ToolCall call) {
    String symbol = symbols.known(call.string("symbol"));
    Optional<Consensus> latest = state.latestConsensus(symbol);
    return Future.succeededFuture(latest
        .map(consensus -> ToolResult.json(TradingJson.consensus(consensus)))
        .orElseGet(() -> ToolResult.error("No consensus for " + symbol + " yet: the coordinator publishes one per "
            + "tick feature vector once the agents have answered")));
  }

  private Future<JsonObject> explain(ToolCall call) {
    String id = call.string("order_id").trim();
    DecisionRecord record = state.explain(id).orElseThrow(() -> new ToolRejection("unknown_order",
        "No decision recorded for '" + id + "'. Orders link to their decision when the portfolio accepts them "
            + "(order id 'o-' + intent id); trace ids look like 't-42'. Only the latest decisions are kept."));
    JsonArray contributions = new JsonArray();
    record.contributions().forEach(c -> contributions.add(contribution(c)));
    JsonArray shadow = new JsonArray();
    record.shadow().forEach(c -> shadow.add(contribution(c)));
    JsonArray fills = new JsonArray();
    record.fills().forEach(f -> fills.add(fill(f)));
    JsonArray markouts = new JsonArray();
    record.outcomes().forEach(o -> markouts.add(markout(o)));
    return Future.succeededFuture(new JsonObject()
        .put("query", id)
        .put("traceId", record.traceId())
        .put("symbol", record.symbol())
        .put("seq", record.seq())
        .put("eventTimeUs", record.eventTimeUs())
        .put("eventTime", TradingJson.time(record.eventTimeUs()))
        .put("consensus", TradingJson.consensus(record.consensus()))
        .put("contributions", contributions)
        .put("shadow", shadow)
        .put("missing", missing(record.missing()))
        .put("shadowMissing", missing(record.shadowMissing()))
        .put("weights", new JsonObject(new TreeMap<String, Object>(record.weights())))
        .put("orderIds", new JsonArray(record.orderIds()))
        .put("fills", fills)
        .put("markouts", markouts));
  }

  private static JsonObject contribution(Contribution c) {
    return new JsonObject()
        .put("agent", c.agent())
        .put("edgeBps", TradingJson.finite(c.estimate().edgeBps()))
        .put("varianceBps2", TradingJson.finite(c.estimate().varianceBps2()))
        .put("readAs", c.estimate().source().name().toLowerCase(Locale.ROOT))
        .put("weight", TradingJson.finite(c.weight()))
        .put("share", TradingJson.finite(c.share()));
  }

  private static JsonArray missing(List<MissingAgent> missing) {
    JsonArray all = new JsonArray();
    missing.forEach(m -> all.add(new JsonObject().put("agent", ServiceNames.agentShortName(m.agent()))
        .put("service", m.agent()).put("reason", m.reason().label()).put("detail", m.detail())));
    return all;
  }

  private static JsonObject fill(Execution f) {
    int priceScale = f.getInstrument().getPriceScale();
    int sizeScale = f.getInstrument().getSizeScale();
    return new JsonObject()
        .put("executionId", f.getExecutionId())
        .put("orderId", f.getOrderId())
        .put("strategyId", f.getStrategyId())
        .put("side", f.getSide().name())
        .put("price", FixedPoint.toDouble(f.getPrice(), priceScale))
        .put("quantity", FixedPoint.toDouble(f.getQuantity(), sizeScale))
        .put("fee", FixedPoint.microsToDouble(f.getFeeMicros()))
        .put("liquidity", f.getLiquidity().name())
        .put("event", TradingJson.event(f.getMeta()));
  }

  private static JsonObject markout(ScoredCall call) {
    return new JsonObject()
        .put("agent", call.agent())
        .put("lean", call.sign() > 0 ? "LONG" : "SHORT")
        .put("outcome", call.outcome().label())
        .put("markoutBps", TradingJson.finite(call.markoutBps()))
        .put("orderId", call.orderId())
        .put("markTime", TradingJson.time(call.markTimeUs()));
  }
}
