package dev.tradingsystem.mcp.transport;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.vertx.core.MultiMap;
import java.util.List;

/** The SDK's view of request headers over a Vert.x {@link MultiMap} (case-insensitive, as HTTP). */
final class VertxHeaderAccessor implements HeaderAccessor {

  private final MultiMap headers;

  VertxHeaderAccessor(MultiMap headers) {
    this.headers = headers;
  }

  @Override
  public List<String> getHeader(String name) {
    return headers.getAll(name);
  }

  @Override
  public List<String> getHeaderNames() {
    return List.copyOf(headers.names());
  }
}
