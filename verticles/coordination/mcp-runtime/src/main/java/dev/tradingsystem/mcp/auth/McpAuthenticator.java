package dev.tradingsystem.mcp.auth;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * Establishes the caller of one HTTP request to an MCP endpoint. Runs on the HTTP server's event
 * loop, so implementations must not block.
 */
@FunctionalInterface
public interface McpAuthenticator {

  /**
   * @return the caller; a failed future with {@link McpAuthenticationException} rejects the request
   *     with HTTP 401, any other failure with HTTP 500
   */
  Future<McpCaller> authenticate(HttpServerRequest request);

  /** Everyone is an anonymous viewer; tokens are ignored because nothing could verify them. */
  static McpAuthenticator anonymousViewers() {
    return request -> Future.succeededFuture(McpCaller.anonymousViewer());
  }
}
