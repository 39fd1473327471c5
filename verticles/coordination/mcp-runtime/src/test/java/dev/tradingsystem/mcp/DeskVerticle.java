package dev.tradingsystem.mcp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A miniature trading desk serving MCP: read-only market tools, operator tools that change its
 * state, and resources. It mounts on a router it does not own, the way services mount on the
 * process's shared HTTP listener, so calls arrive on another event loop than its own.
 */
final class DeskVerticle extends VerticleBase {

  static final String SYMBOL = "^[A-Z0-9]+/[A-Z0-9]+$";

  private final Router router;
  private final McpServerConfig config;
  private final Map<String, Double> prices = Map.of("BTC/USD", 250.5, "ETH/USD", 12.25);
  private final Set<String> paused = new TreeSet<>();
  private final Map<String, Double> weights = new TreeMap<>(Map.of("deepseek", 0.5, "qwen", 0.5));
  private Context own;
  private TradingMcpServer server;

  DeskVerticle(Router router, McpServerConfig config) {
    this.router = router;
    this.config = config;
  }

  TradingMcpServer server() {
    return server;
  }

  @Override
  public Future<?> start() {
    own = context;
    return TradingMcpServer.builder(vertx, "desk", "1.0.0")
        .config(config)
        .instructions("A test desk: market snapshots, forecasts, strategy controls.")
        .tool(McpTool.readOnly("get_market_snapshot")
            .title("Market snapshot")
            .description("Last price of a symbol")
            .input(InputSchema.object()
                .required("symbol", SchemaProperty.string("Symbol in CCXT notation, e.g. BTC/USD").pattern(SYMBOL)))
            .handleJson(this::snapshot)
            .build())
        .tool(McpTool.readOnly("forecast")
            .description("Naive forecast of a symbol's price over a horizon in minutes")
            .input(InputSchema.object()
                .required("symbol", SchemaProperty.string("Symbol, e.g. BTC/USD").pattern(SYMBOL))
                .optional("horizon", SchemaProperty.integer("Minutes ahead").range(1, 1440).defaultValue(60))
                .optional("quantile", SchemaProperty.oneOf("Which quantile", "p10", "p50", "p90")))
            .handleJson(call -> snapshot(call).map(s -> s.put("horizon", call.integer("horizon", -1))
                .put("quantile", call.string("quantile", "p50"))))
            .build())
        .tool(McpTool.readOnly("sentiment")
            .description("Sentiment of a headline, as text")
            .input(InputSchema.object().required("text", SchemaProperty.string("A headline").length(1, 500)))
            .handleText(call -> Future.succeededFuture(call.string("text").contains("rally") ? "bullish" : "neutral"))
            .build())
        .tool(McpTool.readOnly("where_am_i")
            .description("Tells whether the handler ran on the desk's own context")
            .handleJson(call -> Future.succeededFuture(new JsonObject()
                .put("onOwnContext", context == own && Vertx.currentContext() == own)
                .put("caller", call.caller().subject())))
            .build())
        .tool(McpTool.readOnly("stuck")
            .description("Never answers")
            .handle(call -> Promise.<ToolResult>promise().future())
            .build())
        .tool(McpTool.readOnly("broken")
            .description("Throws")
            .handle(call -> {
              throw new IllegalStateException("desk ledger unavailable");
            })
            .build())
        .tool(McpTool.operator("pause_strategy")
            .description("Pauses a strategy")
            .input(InputSchema.object()
                .required("strategy_id", SchemaProperty.string("e.g. freqtrade-hft.momentum").length(1, 100)))
            .handleJson(call -> {
              paused.add(call.string("strategy_id"));
              return Future.succeededFuture(new JsonObject().put("paused", new JsonArray(paused.stream().toList()))
                  .put("by", call.caller().subject()));
            })
            .build())
        .tool(McpTool.operator("set_weight")
            .description("Sets an agent's consensus weight")
            .input(InputSchema.object()
                .required("agent", SchemaProperty.oneOf("Agent", "deepseek", "qwen"))
                .required("weight", SchemaProperty.number("Weight in [0, 1]").range(0, 1)))
            .handleJson(call -> {
              weights.put(call.string("agent"), call.number("weight", 0));
              return Future.succeededFuture(new JsonObject().put("weights", new JsonObject(Map.copyOf(weights))));
            })
            .build())
        .resource(McpResource.fixed("trading://agents", "agents", "Agents of the desk",
            new JsonObject().put("agents", new JsonArray().add("deepseek").add("qwen"))))
        .resource(McpResource.dynamic("trading://weights", "weights", "Current consensus weights",
            () -> Future.succeededFuture(new JsonObject(Map.copyOf(weights)))))
        .mount(router)
        .onSuccess(mounted -> server = mounted);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private Future<JsonObject> snapshot(ToolCall call) {
    String symbol = call.string("symbol");
    Double price = prices.get(symbol);
    if (price == null) {
      return Future.failedFuture(new ToolRejection("unknown_symbol",
          "Unknown symbol '" + symbol + "'; known: " + new TreeSet<>(prices.keySet())));
    }
    return Future.succeededFuture(new JsonObject().put("symbol", symbol).put("price", price));
  }
}
