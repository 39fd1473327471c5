package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.proto.FeatureVector;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A forecast from an agent's own MCP tool {@code forecast} with arguments {@code {symbol,
 * horizonSec?}} (seconds, a whole number of the agent's candles; left out for the agent's own
 * horizon: its {@code horizon} argument counts candles); its answer is passed through with the
 * route added.
 */
final class McpForecastRoute implements ForecastRoute {

  private final String agent;
  private final RemoteMcpTool tool;

  McpForecastRoute(String agent, RemoteMcpTool tool) {
    this.agent = agent;
    this.tool = tool;
  }

  @Override
  public Future<JsonObject> forecast(String symbol, FeatureVector latest, int horizonSec) {
    JsonObject arguments = new JsonObject().put("symbol", symbol);
    if (horizonSec > 0) {
      arguments.put("horizonSec", horizonSec);
    }
    return tool.call(arguments).map(answer -> answer.put("routedTo", describe()));
  }

  @Override
  public JsonObject describe() {
    return new JsonObject().put("agent", agent).put("via", "MCP").put("endpoint", tool.where());
  }

  @Override
  public Future<Void> close() {
    return tool.close();
  }
}
