package dev.tradingsystem.mcp;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** Raw HTTP against the MCP endpoint, for what no well-behaved MCP client would send. */
final class HttpExchange {

  /** What came back. */
  record Reply(int status, MultiMap headers, String body) {

    JsonObject json() {
      return new JsonObject(body);
    }

    /** The JSON-RPC error code of the body. */
    int errorCode() {
      return json().getJsonObject("error").getInteger("code");
    }

    String errorMessage() {
      return json().getJsonObject("error").getString("message");
    }
  }

  static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

  private final HttpClient client;
  private final int port;

  HttpExchange(Vertx vertx, int port) {
    this.client = vertx.createHttpClient();
    this.port = port;
  }

  /** Headers a conforming client sends. */
  static MultiMap mcpHeaders() {
    return MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")
        .add("Accept", "application/json, text/event-stream");
  }

  Future<Reply> send(HttpMethod method, MultiMap headers, String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
        .setURI("/mcp").setHeaders(headers);
    return client.request(options)
        .compose(request -> body == null ? request.send() : request.send(body))
        .compose(response -> response.body().map(b -> new Reply(response.statusCode(), response.headers(),
            b.toString())));
  }

  Future<Reply> post(String body) {
    return send(HttpMethod.POST, mcpHeaders(), body);
  }

  /** A POST that sends its body only after the server answered {@code 100 Continue}, as curl does. */
  Future<Reply> postExpectingContinue(String body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/mcp").setHeaders(mcpHeaders().add("Expect", "100-continue")
            .add("Content-Length", String.valueOf(Buffer.buffer(body).length())));
    return client.request(options).compose(request -> {
      request.continueHandler(v -> request.end(body));
      Future<Reply> reply = request.response().compose(response -> response.body()
          .map(b -> new Reply(response.statusCode(), response.headers(), b.toString())));
      request.sendHead();
      return reply;
    });
  }

  /** A chunked body of {@code bytes} bytes, so no Content-Length announces its size. */
  Future<Reply> postChunked(int bytes) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/mcp").setHeaders(mcpHeaders());
    return client.request(options).compose(request -> {
      request.setChunked(true);
      Future<Reply> reply = request.response().compose(response -> response.body()
          .map(b -> new Reply(response.statusCode(), response.headers(), b.toString())));
      writeChunks(request, bytes);
      return reply;
    });
  }

  private static void writeChunks(HttpClientRequest request, int bytes) {
    Buffer chunk = Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"");
    request.write(chunk);
    int written = chunk.length();
    Buffer padding = Buffer.buffer("x".repeat(1024));
    while (written < bytes) {
      request.write(padding);
      written += padding.length();
    }
    request.end("\"}}");
  }
}
