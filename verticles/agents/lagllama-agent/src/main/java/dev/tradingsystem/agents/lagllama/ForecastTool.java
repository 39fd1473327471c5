package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.mcp.AnalyzeTool;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolCall;
import dev.tradingsystem.mcp.ToolRejection;
import dev.tradingsystem.proto.Quantile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The forecasting agent's MCP tool {@code forecast(symbol, horizon)}: the built-in forecaster's
 * current quantiles of the summed log return over the next {@code horizon} candles (default the
 * agent's configured horizon), from the state the last closed candle left. It reads the model and
 * changes nothing, so asking never moves the agent's signals; with a remote backend (Lag-Llama on
 * Vertex AI) it still answers from the built-in model, instantly and deterministically.
 *
 * <p>A caller thinking in seconds passes {@code horizonSec} instead, a whole number of candles.
 * A symbol without candles, one still warming up, or a horizon in seconds that is not a whole
 * number of candles is a tool error saying so.
 */
final class ForecastTool {

  private ForecastTool() {
  }

  static McpTool create(ForecastModel model) {
    int configured = model.config().horizonCandles();
    int max = ForecastConfig.MAX_HORIZON_CANDLES;
    return McpTool.readOnly("forecast")
        .title("Return forecast")
        .description("Probabilistic forecast of a symbol's log return from lagllama-agent's built-in forecaster "
            + "(" + ForecastModel.MODEL_ID + ", GARCH(1,1) with filtered historical simulation): the 10/50/90% "
            + "quantiles of the summed candle log return over the next horizon candles, each with the implied "
            + "price, the mean and standard deviation, direction/strength/confidence as the agent reads them, "
            + "realised 80%-interval coverage, and the candle the forecast is as of. horizon is in candles (default "
            + configured + "); pass horizonSec instead to give it in seconds (a whole number of candles). "
            + "It reads the model and never affects trading.")
        .input(InputSchema.object()
            .required("symbol", AnalyzeTool.symbolProperty())
            .optional("horizon", SchemaProperty.integer("Candles ahead, 1 to " + max + "; default " + configured)
                .range(1, max))
            .optional("horizonSec", SchemaProperty.integer("Seconds ahead instead of candles; a whole number of "
                + "candles").range(1, (long) max * 86_400)))
        .handleJson(call -> answer(model, call))
        .build();
  }

  private static Future<JsonObject> answer(ForecastModel model, ToolCall call) {
    String symbol = call.string("symbol");
    Long horizon = call.arguments().getLong("horizon");
    Long horizonSec = call.arguments().getLong("horizonSec");
    if (horizon != null && horizonSec != null) {
      return Future.failedFuture(new ToolRejection("ambiguous_horizon", "give horizon (candles) or horizonSec "
          + "(seconds), not both"));
    }
    try {
      int candles = horizon != null ? horizon.intValue() : model.config().horizonCandles();
      if (horizonSec != null) {
        // The candle length is known once a candle was seen: ask for it first.
        int interval = model.snapshot(symbol, 1).intervalSec();
        if (interval <= 0 || horizonSec % interval != 0 || horizonSec / interval > ForecastConfig.MAX_HORIZON_CANDLES) {
          return Future.failedFuture(new ToolRejection("unsupported_horizon", "horizonSec must be a whole number of "
              + interval + " s candles, at most " + ForecastConfig.MAX_HORIZON_CANDLES + " of them; got " + horizonSec));
        }
        candles = (int) (horizonSec / interval);
      }
      return Future.succeededFuture(toJson(model.snapshot(symbol, candles)));
    } catch (ForecastUnavailable e) {
      return Future.failedFuture(new ToolRejection(e.reason(), e.getMessage()));
    }
  }

  static JsonObject toJson(ForecastSnapshot snapshot) {
    QuantileForecast forecast = snapshot.forecast();
    JsonArray quantiles = new JsonArray();
    for (Quantile quantile : snapshot.opinion().quantiles()) {
      quantiles.add(new JsonObject()
          .put("level", quantile.getLevel())
          .put("logReturn", quantile.getValue())
          .put("price", snapshot.priceAt(quantile.getValue())));
    }
    return new JsonObject()
        .put("symbol", snapshot.symbol())
        .put("modelId", ForecastModel.MODEL_ID)
        .put("horizonCandles", forecast.horizonCandles())
        .put("intervalSec", snapshot.intervalSec())
        .put("horizonSec", forecast.horizonCandles() * snapshot.intervalSec())
        .put("quantiles", quantiles)
        .put("mean", forecast.mean())
        .put("stdDev", forecast.stdDev())
        .put("quantileSource", forecast.empirical() ? "empirical" : "normal")
        .put("direction", snapshot.opinion().direction().name())
        .put("strength", snapshot.opinion().strength())
        .put("confidence", snapshot.opinion().confidence())
        .put("coverage80", snapshot.coverage80())
        .put("residuals", snapshot.residuals())
        .put("asOf", new JsonObject()
            .put("candleOpenTimeUs", snapshot.lastCandleOpenTimeUs())
            .put("close", snapshot.lastClose()));
  }
}
