package dev.tradingsystem.agents.runtime.mcp;

import dev.tradingsystem.mcp.McpServerConfig;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.TradingMcpServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small MCP server built with mcp-runtime that stands in for the coordinator in agent tests: the
 * tools the test declares, at {@code /mcp} on a loopback port of its own. Handlers run on this
 * verticle's context and may note their calls in {@link #calls}.
 */
public final class StandInCoordinator extends VerticleBase {

  /** Tool names in the order calls arrived, as the tests' handlers note them. */
  public final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<McpTool> tools;
  private HttpServer http;
  private TradingMcpServer server;

  public StandInCoordinator(List<McpTool> tools) {
    this.tools = List.copyOf(tools);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    return TradingMcpServer.builder(vertx, "stand-in-coordinator", "1")
        .config(McpServerConfig.defaults())
        .tools(tools)
        .mount(router)
        .compose(mounted -> {
          server = mounted;
          return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1");
        })
        .onSuccess(listening -> http = listening);
  }

  @Override
  public Future<?> stop() {
    return Future.join(server == null ? Future.succeededFuture() : server.close(),
        http == null ? Future.succeededFuture() : http.close());
  }

  /** The MCP endpoint, {@code http://127.0.0.1:<port>/mcp}. */
  public String url() {
    return "http://127.0.0.1:" + http.actualPort() + "/mcp";
  }
}
