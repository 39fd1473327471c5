package dev.tradingsystem.mcp;

import dev.tradingsystem.mcp.transport.ReactorFutures;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A client of another service's MCP server with Vert.x futures: how an agent queries the
 * coordinator. It wraps the SDK's async client over Streamable HTTP (the JDK HTTP client, on its own
 * threads); every answer is delivered on the context that connected, so callers never block and
 * never leave their verticle's thread.
 */
public final class McpToolClient {

  private final McpAsyncClient client;
  private final Context context;
  private final JsonBridge json;

  private McpToolClient(McpAsyncClient client, Context context) {
    this.client = client;
    this.context = context;
    this.json = new JsonBridge(McpJsonDefaults.getMapper());
  }

  /**
   * Connects and runs the MCP initialisation.
   *
   * @param endpoint   the server's endpoint, e.g. {@code http://127.0.0.1:8080/mcp}
   * @param token      a bearer token, or null to call as an anonymous viewer
   * @param clientName announced to the server (the calling service's name)
   * @param timeout    deadline of each request
   */
  public static Future<McpToolClient> connect(Vertx vertx, URI endpoint, String token, String clientName,
      Duration timeout) {
    Context context = vertx.getOrCreateContext();
    String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/mcp" : endpoint.getRawPath();
    // Building loads the SDK and starts a JDK HTTP client: worker work, not event-loop work.
    return vertx.executeBlocking(() -> {
      JacksonCompatibility.require();
      HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(base)
          .endpoint(path)
          .connectTimeout(timeout);
      if (token != null) {
        transport.httpRequestCustomizer((request, method, uri, body, ctx) ->
            request.header("Authorization", "Bearer " + token));
      }
      return McpClient.async(transport.build())
          .clientInfo(new McpSchema.Implementation(clientName, "1"))
          .requestTimeout(timeout)
          .initializationTimeout(timeout)
          .build();
    }).compose(client -> on(context, client.initialize())
        .map(init -> new McpToolClient(client, context))
        .onFailure(failure -> client.close()));
  }

  /**
   * Calls a tool that answers JSON.
   *
   * @return the structured content (or the text parsed as JSON); fails with {@link McpToolException}
   *     when the tool reports an error, with the SDK's {@code McpError} on a protocol error
   */
  public Future<JsonObject> callJson(String tool, JsonObject arguments) {
    return call(tool, arguments).map(result -> {
      if (result.structuredContent() instanceof Map<?, ?> structured) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) structured;
        return json.toVertx(map);
      }
      return new JsonObject(text(result));
    });
  }

  /** Calls a tool that answers text. */
  public Future<String> callText(String tool, JsonObject arguments) {
    return call(tool, arguments).map(McpToolClient::text);
  }

  /** Reads a JSON resource. */
  public Future<JsonObject> readJson(String uri) {
    return on(context, client.readResource(new McpSchema.ReadResourceRequest(uri)))
        .map(read -> new JsonObject(((TextResourceContents) read.contents().get(0)).text()));
  }

  /** Names of the server's tools. */
  public Future<List<String>> toolNames() {
    return on(context, client.listTools()).map(list -> list.tools().stream().map(McpSchema.Tool::name).toList());
  }

  /** Closes the connection pool; the client is unusable afterwards. */
  public Future<Void> close() {
    return on(context, client.closeGracefully()).mapEmpty();
  }

  private Future<CallToolResult> call(String tool, JsonObject arguments) {
    McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(tool, json.toSdk(arguments));
    return on(context, client.callTool(request)).compose(result -> Boolean.TRUE.equals(result.isError())
        ? Future.failedFuture(new McpToolException(tool, text(result)))
        : Future.succeededFuture(result));
  }

  private static String text(CallToolResult result) {
    StringBuilder text = new StringBuilder();
    for (McpSchema.Content content : result.content()) {
      if (content instanceof TextContent part) {
        text.append(part.text());
      }
    }
    return text.toString();
  }

  private static <T> Future<T> on(Context context, Mono<T> mono) {
    return ReactorFutures.subscribeOn(mono, context).future();
  }
}
