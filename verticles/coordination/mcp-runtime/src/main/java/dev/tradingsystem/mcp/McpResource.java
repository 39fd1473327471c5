package dev.tradingsystem.mcp;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JSON document a service exposes as an MCP resource, read by viewers: fixed (an agent's
 * description) or produced on each read (current consensus weights).
 *
 * @param uri         its address, e.g. {@code trading://agents/deepseek}
 * @param name        short name listed to clients
 * @param description what the document holds
 * @param reader      produces the document on the server's verticle context; must not block
 */
public record McpResource(String uri, String name, String description, Supplier<Future<JsonObject>> reader) {

  public static final String MIME_TYPE = "application/json";

  public McpResource {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reader, "reader");
    if (!uri.contains(":")) {
      throw new IllegalArgumentException("resource uri needs a scheme: " + uri);
    }
  }

  /** A document that never changes; a copy is served on each read. */
  public static McpResource fixed(String uri, String name, String description, JsonObject document) {
    JsonObject frozen = document.copy();
    return new McpResource(uri, name, description, () -> Future.succeededFuture(frozen.copy()));
  }

  /** A document produced on each read. */
  public static McpResource dynamic(String uri, String name, String description,
      Supplier<Future<JsonObject>> reader) {
    return new McpResource(uri, name, description, reader);
  }
}
