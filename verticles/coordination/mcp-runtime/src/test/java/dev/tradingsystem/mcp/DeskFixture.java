package dev.tradingsystem.mcp;

import dev.tradingsystem.mcp.auth.JwtAuthenticator;
import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Set;

/** Starts a {@link DeskVerticle} behind an HTTP server on a free loopback port and makes clients for it. */
final class DeskFixture {

  static final String SECRET = "desk-test-key-0123456789abcdef-0123456789";
  static final String ISSUER = "trading-tests";

  final Vertx vertx;
  final DeskVerticle desk;
  private HttpServer http;

  private DeskFixture(Vertx vertx, DeskVerticle desk) {
    this.vertx = vertx;
    this.desk = desk;
  }

  /** Config the tests use: tokens on, anonymous viewers on, a short tool deadline, a 4 KiB body cap. */
  static McpServerConfig config() {
    return McpServerConfig.defaults()
        .withAuth(true, SECRET, ISSUER)
        .withToolTimeoutMs(300)
        .withMaxBodyBytes(4096);
  }

  static Future<DeskFixture> start(Vertx vertx, McpServerConfig config) {
    ProtobufCodecs.registerAll(vertx);
    Router router = Router.router(vertx);
    DeskFixture fixture = new DeskFixture(vertx, new DeskVerticle(router, config));
    return vertx.deployVerticle(fixture.desk)
        // Created outside the desk verticle: requests arrive on another context than the desk's.
        .compose(id -> vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"))
        .map(server -> {
          fixture.http = server;
          return fixture;
        });
  }

  int port() {
    return http.actualPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** A token signed with the desk's key. */
  String token(String subject, McpRole... roles) {
    return JwtAuthenticator.create(vertx, SECRET, ISSUER, false)
        .issue(subject, Set.of(roles), Duration.ofMinutes(5));
  }

  /** The SDK's own Streamable HTTP client; {@code token} null sends no Authorization header. */
  McpSyncClient client(String token) {
    HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(baseUrl())
        .endpoint("/mcp");
    if (token != null) {
      transport.httpRequestCustomizer((request, method, uri, body, context) ->
          request.header("Authorization", "Bearer " + token));
    }
    return McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(10)).build();
  }
}
