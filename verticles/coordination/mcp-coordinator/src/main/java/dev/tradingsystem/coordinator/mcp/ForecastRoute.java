package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.proto.FeatureVector;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where the {@code forecast} tool gets its answer: lagllama-agent's {@code AgentService} today
 * ({@link AgentForecastRoute}), or an agent's own MCP tool ({@link McpForecastRoute}), chosen by
 * {@code coordinator.mcp.routes.forecast}. The tool does not change when the route does.
 */
interface ForecastRoute {

  /**
   * A forecast of the symbol's log return.
   *
   * @param latest     the newest tick features of the symbol (what an analyze request carries)
   * @param horizonSec the horizon asked for, or 0 for the agent's own
   * @return the forecast as JSON; fails with {@link RouteFailure} when the agent cannot answer, or
   *     {@link dev.tradingsystem.mcp.ToolRejection} when it cannot answer for that horizon
   */
  Future<JsonObject> forecast(String symbol, FeatureVector latest, int horizonSec);

  /** The route, for answers: {@code {agent, via, endpoint?}}. */
  JsonObject describe();

  /** Releases connections; the route is unusable afterwards. */
  Future<Void> close();
}
