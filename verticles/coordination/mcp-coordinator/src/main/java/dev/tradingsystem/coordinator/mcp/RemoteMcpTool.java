package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.mcp.McpToolClient;
import dev.tradingsystem.mcp.McpToolException;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tool on another service's MCP server, called on the coordinator's behalf. Connects on
 * first use (the agent may start after the coordinator, and a local path needs the process's
 * listener, which opens after deployment), keeps the connection, and drops it after a transport
 * failure so the next call connects afresh: an agent that restarted or moved is found again.
 *
 * <p>Used from the coordinator's context only.
 */
final class RemoteMcpTool {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteMcpTool.class);

  private final Vertx vertx;
  private final String tool;
  private final String agent;
  private final RouteTarget target;
  private final Supplier<String> token;
  private final Duration timeout;
  private Future<McpToolClient> client;

  /**
   * @param tool   the tool's name on the agent's server
   * @param agent  the agent service that serves it (for messages)
   * @param token  a bearer token for each new connection, or null values to call as an anonymous viewer
   */
  RemoteMcpTool(Vertx vertx, String tool, String agent, RouteTarget target, Supplier<String> token,
                Duration timeout) {
    this.vertx = vertx;
    this.tool = tool;
    this.agent = agent;
    this.target = target;
    this.token = token;
    this.timeout = timeout;
  }

  /**
   * Calls the tool.
   *
   * @return its structured answer; fails with {@link RouteFailure} when the agent cannot be reached
   *     or its tool reports an error (the tool's own message is kept)
   */
  Future<JsonObject> call(JsonObject arguments) {
    return connection().compose(connected -> connected.callJson(tool, arguments)
        .recover(failure -> {
          if (failure instanceof McpToolException refused) {
            return Future.failedFuture(new RouteFailure(agent + " answered " + tool + " with an error: "
                + refused.getMessage()));
          }
          drop(connected);
          return Future.failedFuture(new RouteFailure(tool + " call to " + agent + " at " + where() + " failed: "
              + describe(failure)));
        }));
  }

  /** Where the route points, for answers and logs. */
  String where() {
    try {
      return target.endpoint(ProcessEndpoints.of(vertx).port()).toString();
    } catch (IllegalStateException e) {
      return target + " (" + e.getMessage() + ")";
    }
  }

  Future<Void> close() {
    Future<McpToolClient> open = client;
    client = null;
    return open == null ? Future.succeededFuture() : open.transform(ar -> ar.succeeded()
        ? ar.result().close().otherwiseEmpty()
        : Future.<Void>succeededFuture());
  }

  private Future<McpToolClient> connection() {
    if (client != null) {
      return client;
    }
    URI endpoint;
    try {
      endpoint = target.endpoint(ProcessEndpoints.of(vertx).port());
    } catch (IllegalStateException e) {
      return Future.failedFuture(unreachable(e.getMessage()));
    }
    Future<McpToolClient> attempt = McpToolClient.connect(vertx, endpoint, token.get(),
            ServiceNames.MCP_COORDINATOR, timeout)
        .recover(failure -> {
          LOG.debug("MCP route {} to {} at {} unavailable: {}", tool, agent, endpoint, describe(failure));
          return Future.failedFuture(unreachable(describe(failure)));
        });
    client = attempt;
    // A failed connection is not kept: the next call tries again.
    attempt.onFailure(failure -> {
      if (client == attempt) {
        client = null;
      }
    });
    return attempt;
  }

  private void drop(McpToolClient connected) {
    client = null;
    connected.close();
  }

  private RouteFailure unreachable(String cause) {
    return new RouteFailure(tool + " is answered by " + agent + "'s MCP tool '" + tool + "' at " + where()
        + ", which is not reachable (" + cause + "). Deploy " + agent + " with its MCP server, or point "
        + CoordinatorMcpConfig.PREFIX + ".routes." + tool + " at it.");
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == failure ? message : failure.getClass().getSimpleName() + ": " + message;
  }
}
