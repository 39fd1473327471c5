package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.coordinator.risk.RiskDamper;
import dev.tradingsystem.coordinator.state.DeskWatch;
import dev.tradingsystem.coordinator.state.MarketWatch;
import dev.tradingsystem.mcp.McpServerConfig;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.TradingMcpServer;
import dev.tradingsystem.mcp.auth.JwtAuthenticator;
import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The coordinator as an MCP server (Streamable HTTP at {@code coordinator.mcp.path}, default
 * {@code /mcp}): market context, the agents' signals, the consensus and its explanation,
 * positions and risk for any viewer; {@code forecast} and {@code sentiment} routed to the agents
 * that know; weights, promotion and pausing of agents for operators. Build it from the
 * coordinator's {@code start()}: every handler then runs on the coordinator's context.
 */
public final class CoordinatorMcp {

  static final String VERSION = "1.0.0";
  static final String INSTRUCTIONS = "Trading-system coordinator. It fuses several AI agents' signals into one "
      + "consensus per market event, which the strategy frameworks trade on. Start with get_market_snapshot or "
      + "get_consensus for a symbol (e.g. BTC/USD); get_signals shows each agent's view, explain_decision(order_id) "
      + "why an order was placed, get_positions and get_risk_state the desk. forecast and sentiment ask the "
      + "forecasting and news agents. Resources trading://agents and trading://weights describe the panel. "
      + "Operator tools (set_weight, promote_shadow, pause_agent, resume_agent) need an operator token.";
  /** Minted viewer tokens for routed calls; a connection whose token expired reconnects with a new one. */
  static final Duration ROUTE_TOKEN_TTL = Duration.ofHours(24);

  private final TradingMcpServer server;
  private final RoutedTools routed;

  private CoordinatorMcp(TradingMcpServer server, RoutedTools routed) {
    this.server = server;
    this.routed = routed;
  }

  /**
   * Declares the tools and resources and mounts the endpoint on {@code router}.
   *
   * @param processConfig the process configuration (each agent's configured backend is read from it)
   * @param damper        the size haircut under risk alerts, shown by {@code get_risk_state}
   * @param agents        configured agents' short names, panel and shadow
   * @return the mounted server; fails when a declaration is invalid
   */
  public static Future<CoordinatorMcp> mount(Vertx vertx, Router router, CoordinatorMcpConfig config,
                                             ConfigReader processConfig, CoordinatorState state, MarketWatch market,
                                             DeskWatch desk, RiskDamper damper, PanelControl control,
                                             List<String> agents) {
    SymbolGuard symbols = new SymbolGuard(market, state);
    Supplier<String> token = routeToken(vertx, config);
    Duration timeout = Duration.ofMillis(config.routeTimeoutMs());
    RouteTarget forecastRoute = config.forecastRoute(vertx.isClustered());
    ForecastRoute forecast = forecastRoute.isMcp()
        ? new McpForecastRoute(ServiceNames.LAGLLAMA,
            new RemoteMcpTool(vertx, "forecast", ServiceNames.LAGLLAMA, forecastRoute, token, timeout))
        : new AgentForecastRoute(vertx, forecastRoute.value(), config.routeTimeoutMs());
    RoutedTools routed = new RoutedTools(market, symbols, forecast,
        new RemoteMcpTool(vertx, "sentiment", ServiceNames.FINGPT, config.sentiment(), token, timeout));

    List<McpTool> tools = new ArrayList<>();
    tools.addAll(new MarketTools(market, symbols).tools());
    tools.addAll(new PanelTools(state, symbols).tools());
    tools.addAll(new DeskTools(vertx, desk, damper, config.routeTimeoutMs()).tools());
    tools.addAll(routed.tools());
    tools.addAll(new OperatorTools(control, state, agents).tools());
    tools.addAll(new StrategyTools(vertx).tools());
    TradingMcpServer.Builder builder = TradingMcpServer.builder(vertx, ServiceNames.MCP_COORDINATOR, VERSION)
        .config(config.server())
        .instructions(INSTRUCTIONS)
        .tools(tools);
    new CoordinatorResources(state, control, processConfig).resources().forEach(builder::resource);
    return builder.mount(router).map(server -> new CoordinatorMcp(server, routed));
  }

  /** The route the endpoint answers on. */
  public String path() {
    return server.path();
  }

  /** {@code {toolCalls: {tool: {outcome: n}}, rejected: {source: {reason: n}}}}. */
  public JsonObject stats() {
    return server.stats();
  }

  /** Stops serving (the server takes its endpoint off the router) and closes the routed tools' connections. */
  public Future<Void> close() {
    return Future.join(server.close(), routed.close()).mapEmpty();
  }

  /** The configured token, else a viewer token minted with the endpoint's own key, else none (anonymous). */
  private static Supplier<String> routeToken(Vertx vertx, CoordinatorMcpConfig config) {
    if (config.routeToken() != null) {
      return config::routeToken;
    }
    McpServerConfig server = config.server();
    if (!server.tokensEnabled()) {
      return () -> null;
    }
    JwtAuthenticator issuer = JwtAuthenticator.create(vertx, server.jwtSecret(), server.jwtIssuer(), false);
    return () -> issuer.issue(ServiceNames.MCP_COORDINATOR, Set.of(McpRole.VIEWER), ROUTE_TOKEN_TTL);
  }
}
