package dev.tradingsystem.agents.runtime.mcp;

import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolRejection;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Quantile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The tool every agent serves: {@code analyze(symbol)}, the agent's latest signal for a symbol as
 * it answered the coordinator (read-only: it asks the model nothing, so it cannot disturb the
 * model's state or spend budget). A symbol the agent has not analysed yet is a tool error.
 */
public final class AnalyzeTool {

  /** Symbols in CCXT notation, as {@code Instruments.isValidSymbol} accepts them. */
  public static final String SYMBOL_PATTERN = "^[A-Z0-9]{2,12}/[A-Z0-9]{2,12}$";

  private AnalyzeTool() {
  }

  /** The {@code symbol} argument every agent tool declares the same way. */
  public static SchemaProperty symbolProperty() {
    return SchemaProperty.string("Symbol in CCXT notation, e.g. BTC/USD").pattern(SYMBOL_PATTERN);
  }

  /**
   * @param agent   the short agent name, for the description
   * @param signals the agent's latest signals, read on the agent's context
   */
  public static McpTool create(String agent, LatestSignals signals) {
    return McpTool.readOnly("analyze")
        .title("Latest " + agent + " signal")
        .description("The " + agent + " agent's latest signal for a symbol, as it last answered the coordinator: "
            + "direction (LONG, SHORT or FLAT), strength and confidence in [0, 1], horizon in seconds, forecast "
            + "quantiles of the log return when the agent makes them, rationale, model id, whether a fallback model "
            + "answered (degraded, with the reason), and the market event it answered (id, seq, event time in "
            + "microseconds). It reports; it does not ask the model again.")
        .input(InputSchema.object().required("symbol", symbolProperty()))
        .handleJson(call -> {
          String symbol = call.string("symbol");
          return signals.latest(symbol)
              .map(signal -> Future.succeededFuture(toJson(signal)))
              .orElseGet(() -> Future.failedFuture(new ToolRejection("unknown_symbol",
                  "the " + agent + " agent has not analysed " + symbol + " yet")));
        })
        .build();
  }

  /** A signal as plain JSON for a language model: names, numbers, no protobuf encoding rules. */
  public static JsonObject toJson(AgentSignal signal) {
    JsonArray quantiles = new JsonArray();
    for (Quantile quantile : signal.getQuantilesList()) {
      quantiles.add(new JsonObject().put("level", quantile.getLevel()).put("value", quantile.getValue()));
    }
    JsonObject json = new JsonObject()
        .put("agent", signal.getAgent())
        .put("symbol", signal.getSymbol())
        .put("direction", signal.getDirection().name())
        .put("strength", signal.getStrength())
        .put("confidence", signal.getConfidence())
        .put("horizonSec", signal.getHorizonSec())
        .put("quantiles", quantiles)
        .put("rationale", signal.getRationale())
        .put("modelId", signal.getModelId())
        .put("degraded", signal.getDegraded());
    if (signal.getDegraded()) {
      json.put("degradedReason", signal.getDegradedReason());
    }
    return json.put("event", new JsonObject()
        .put("signalId", signal.getMeta().getId())
        .put("seq", signal.getMeta().getSeq())
        .put("eventTimeUs", signal.getMeta().getEventTimeUs())
        .put("traceId", signal.getMeta().getTraceId()));
  }
}
