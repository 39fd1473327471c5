package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.mcp.McpServerConfig;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;

/**
 * The coordinator's MCP server and the routes of its routed tools, under {@code coordinator.mcp}.
 * The endpoint settings ({@code path}, {@code maxBodyBytes}, {@code toolTimeoutMs},
 * {@code allowedOrigins}, {@code auth.*}) are mcp-runtime's {@link McpServerConfig}.
 *
 * @param enabled        whether the coordinator serves MCP at all
 * @param server         the endpoint's settings
 * @param forecast       where {@code forecast} goes ({@code coordinator.mcp.routes.forecast}), null for
 *                       the default of the deployment ({@link #forecastRoute})
 * @param sentiment      where {@code sentiment} goes ({@code coordinator.mcp.routes.sentiment})
 * @param routeTimeoutMs deadline of each call the coordinator makes for a tool (an agent's forecast,
 *                       fingpt's sentiment, the risk-manager's stats). Must stay under the tool
 *                       deadline so the caller hears which service was slow rather than a bare timeout
 * @param routeToken     bearer token for routed MCP calls; null mints a viewer token with the
 *                       configured key when there is one, else calls as an anonymous viewer
 * @param recentAlerts   risk alerts kept for {@code get_risk_state}
 */
public record CoordinatorMcpConfig(boolean enabled, McpServerConfig server, RouteTarget forecast,
                                   RouteTarget sentiment, long routeTimeoutMs, String routeToken,
                                   int recentAlerts) {

  public static final String PREFIX = "coordinator.mcp";
  /**
   * Co-located, forecasts come from lagllama-agent's own MCP tool on this process's listener: it
   * reads the model without counting a request or publishing a signal, and takes any horizon.
   */
  public static final String CO_LOCATED_FORECAST_ROUTE = "/mcp/lagllama";
  /**
   * Clustered, the agent may run elsewhere and its MCP endpoint is not known here, so forecasts go
   * through {@code AgentService}, which the service registry finds anywhere in the cluster.
   */
  public static final String CLUSTERED_FORECAST_ROUTE = RouteTarget.AGENT_PREFIX + ServiceNames.LAGLLAMA;
  /**
   * Sentiment of free text has no route through {@code AgentService} (it only analyses features,
   * and text sent as news would enter fingpt's trading window), so it goes to fingpt-agent's own
   * MCP tool, by default on this process's listener.
   */
  public static final String DEFAULT_SENTIMENT_ROUTE = "/mcp/fingpt";
  /** Under the default tool deadline (10 s) with room for the answer's way back. */
  public static final long DEFAULT_ROUTE_TIMEOUT_MS = 5_000;
  /** Enough to see what led to a halt; more costs memory only. */
  public static final int DEFAULT_RECENT_ALERTS = 50;

  /**
   * Where {@code forecast} goes: the configured route, else {@value #CO_LOCATED_FORECAST_ROUTE}
   * in a single process and {@value #CLUSTERED_FORECAST_ROUTE} in a cluster.
   */
  public RouteTarget forecastRoute(boolean clustered) {
    if (forecast != null) {
      return forecast;
    }
    return RouteTarget.parse(PREFIX + ".routes.forecast", clustered ? CLUSTERED_FORECAST_ROUTE : CO_LOCATED_FORECAST_ROUTE);
  }

  /** @throws ConfigException naming the key of a bad value */
  public static CoordinatorMcpConfig from(ConfigReader config) {
    McpServerConfig server = McpServerConfig.from(config, PREFIX);
    String routes = PREFIX + ".routes.";
    String forecastRoute = config.string(routes + "forecast", "").trim();
    RouteTarget forecast = forecastRoute.isEmpty() ? null : RouteTarget.parse(routes + "forecast", forecastRoute);
    RouteTarget sentiment = RouteTarget.parse(routes + "sentiment",
        config.string(routes + "sentiment", DEFAULT_SENTIMENT_ROUTE));
    if (!sentiment.isMcp()) {
      throw new ConfigException(routes + "sentiment", "AgentService.analyze cannot score free text; "
          + "name fingpt-agent's MCP endpoint (a path such as /mcp/fingpt or a URL)");
    }
    long timeout = config.integer(routes + "timeoutMs", DEFAULT_ROUTE_TIMEOUT_MS, 1L, 600_000L);
    if (timeout >= server.toolTimeoutMs()) {
      throw new ConfigException(routes + "timeoutMs", timeout + " ms must be shorter than "
          + PREFIX + ".toolTimeoutMs (" + server.toolTimeoutMs() + " ms)");
    }
    String token = config.string(routes + "token", "").trim();
    return new CoordinatorMcpConfig(config.bool(PREFIX + ".enabled", true), server, forecast, sentiment, timeout,
        token.isEmpty() ? null : token,
        config.integer(PREFIX + ".recentAlerts", DEFAULT_RECENT_ALERTS, 1, 10_000));
  }
}
