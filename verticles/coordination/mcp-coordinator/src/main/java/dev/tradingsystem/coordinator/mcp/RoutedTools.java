package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.state.MarketWatch;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolCall;
import dev.tradingsystem.mcp.ToolResult;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.ServiceNames;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Tools the coordinator answers by asking an agent: {@code forecast} (lagllama-agent) and
 * {@code sentiment} (fingpt-agent), so an assistant, or one agent consulting another, needs only
 * the coordinator's endpoint. When the agent cannot answer, the caller gets a tool error saying
 * which agent, through which route, and why.
 */
final class RoutedTools {

  /** Longest text scored: a long article's worth; the endpoint's body cap bounds it too. */
  static final int MAX_TEXT_CHARS = 20_000;
  /** One week: beyond any candle forecast the agents make. */
  static final int MAX_HORIZON_SEC = 604_800;

  private final MarketWatch market;
  private final SymbolGuard symbols;
  private final ForecastRoute forecast;
  private final RemoteMcpTool sentiment;

  RoutedTools(MarketWatch market, SymbolGuard symbols, ForecastRoute forecast, RemoteMcpTool sentiment) {
    this.market = market;
    this.symbols = symbols;
    this.forecast = forecast;
    this.sentiment = sentiment;
  }

  List<McpTool> tools() {
    return List.of(forecastTool(), sentimentTool());
  }

  Future<Void> close() {
    return Future.join(forecast.close(), sentiment.close()).mapEmpty();
  }

  private McpTool forecastTool() {
    return McpTool.readOnly("forecast")
        .title("Return forecast")
        .description("Probabilistic forecast of a symbol's log return from the forecasting agent (lagllama-agent): "
            + "quantiles (level, log return and the implied price), direction, strength, confidence, horizon in "
            + "seconds, model id, and whether a fallback model answered (degraded, with the reason). Asked with the "
            + "symbol's latest tick features. The agent forecasts at its configured horizon; pass horizon only to "
            + "insist on one (a different horizon is refused with the one available).")
        .input(InputSchema.object()
            .required("symbol", SymbolGuard.property())
            .optional("horizon", SchemaProperty.integer("Forecast horizon in seconds; leave out for the agent's own")
                .range(1, MAX_HORIZON_SEC)))
        .handle(this::forecast)
        .build();
  }

  private McpTool sentimentTool() {
    return McpTool.readOnly("sentiment")
        .title("Text sentiment")
        .description("Financial sentiment of a headline or short text from the news agent (fingpt-agent): a score "
            + "in [-1, 1] (positive is bullish), a bullish/bearish/neutral label and the evidence behind it. "
            + "Scoring does not add the text to the agent's news window: it never affects trading.")
        .input(InputSchema.object()
            .required("text", SchemaProperty.string("The headline or text to score, in English").length(1, MAX_TEXT_CHARS)))
        .handle(this::sentiment)
        .build();
  }

  private Future<ToolResult> forecast(ToolCall call) {
    String symbol = symbols.known(call.string("symbol"));
    FeatureVector latest = market.latest(symbol, MarketWatch.TICK).orElse(null);
    if (latest == null) {
      return Future.succeededFuture(ToolResult.error("No tick features for " + symbol + " yet: a forecast is "
          + "asked with the symbol's latest tick features"));
    }
    return answer(forecast.forecast(symbol, latest, (int) call.integer("horizon", 0)));
  }

  private Future<ToolResult> sentiment(ToolCall call) {
    return answer(sentiment.call(new JsonObject().put("text", call.string("text")))
        .map(score -> score.put("routedTo", new JsonObject().put("agent", ServiceNames.FINGPT)
            .put("via", "MCP").put("endpoint", sentiment.where()))));
  }

  private static Future<ToolResult> answer(Future<JsonObject> routed) {
    return routed.map(ToolResult::json).recover(failure -> failure instanceof RouteFailure
        ? Future.succeededFuture(ToolResult.error(failure.getMessage()))
        : Future.failedFuture(failure));
  }
}
