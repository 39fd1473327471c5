package dev.tradingsystem.agents.runtime.mcp;

import dev.tradingsystem.mcp.McpServerConfig;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.TradingMcpServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One agent's MCP endpoint on the process router ({@code /mcp/<short>} unless configured
 * otherwise): the runtime's {@code analyze} tool plus the agent's own. Co-located agents share the
 * router and differ by path. {@link #close()} stops serving and takes the routes off the router,
 * so an agent redeployed in the same process serves again on the same path.
 */
public final class AgentMcpServer {

  /** Version announced to clients; the tools' contracts are described in the agents' README. */
  static final String VERSION = "1.0.0";

  private final TradingMcpServer server;
  private final List<Route> routes;

  private AgentMcpServer(TradingMcpServer server, List<Route> routes) {
    this.server = server;
    this.routes = List.copyOf(routes);
  }

  /**
   * Builds the server on the calling verticle's context (tool handlers run there) and mounts it.
   *
   * @param serviceName  announced as the server's name
   * @param instructions what the server is for, sent to clients at initialisation
   * @return fails when a tool declaration is invalid or the JSON stack cannot load
   */
  public static Future<AgentMcpServer> mount(Vertx vertx, Router router, String serviceName, McpServerConfig config,
      String instructions, List<McpTool> tools) {
    Set<Route> before = Collections.newSetFromMap(new IdentityHashMap<>());
    before.addAll(router.getRoutes());
    return TradingMcpServer.builder(vertx, serviceName, VERSION)
        .config(config)
        .instructions(instructions)
        .tools(tools)
        .mount(router)
        .map(server -> new AgentMcpServer(server, router.getRoutes().stream()
            .filter(route -> !before.contains(route) && config.path().equals(route.getPath()))
            .toList()));
  }

  public String path() {
    return server.path();
  }

  /** {@code {toolCalls: {tool: {outcome: n}}, rejected: {source: {reason: n}}}}. */
  public JsonObject stats() {
    return server.stats();
  }

  /** Stops serving, then removes the endpoint's routes. */
  public Future<Void> close() {
    return server.close().onComplete(closed -> routes.forEach(Route::remove));
  }
}
