package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Streamable HTTP rules of the stateless transport, with raw requests: headers, malformed and
 * oversized bodies, notifications, methods. Every refusal is answered, counted, and leaves the
 * server serving.
 */
@ExtendWith(VertxExtension.class)
class StreamableHttpTransportTest {

  private DeskFixture desk;
  private HttpExchange http;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    DeskFixture.start(vertx, DeskFixture.config()).onComplete(ctx.succeeding(fixture -> {
      desk = fixture;
      http = new HttpExchange(vertx, fixture.port());
      ctx.completeNow();
    }));
  }

  private static double rejected(String reason) {
    return TradingMetrics.rejected("mcp", "http", reason).count();
  }

  @ParameterizedTest(name = "Content-Type={0} Accept={1} MCP-Protocol-Version={2} Origin={3} -> {4}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      application/json                | application/json, text/event-stream | -          | -                     | 200 | -
      application/json; charset=utf-8 | application/json, text/event-stream | 2025-06-18 | -                     | 200 | -
      application/json                | -                                   | 2025-11-25 | -                     | 200 | -
      application/json                | */*                                 | 2025-03-26 | http://localhost:6274 | 200 | -
      text/plain                      | application/json, text/event-stream | -          | -                     | 415 | unsupported_media_type
      -                               | application/json, text/event-stream | -          | -                     | 415 | unsupported_media_type
      application/json                | text/event-stream                   | -          | -                     | 406 | not_acceptable
      application/json                | application/json                    | 1999-01-01 | -                     | 400 | unsupported_protocol_version
      application/json                | application/json                    | -          | http://evil.example   | 403 | origin_denied
      """)
  void headersAreCheckedBeforeTheBodyIsRead(String contentType, String accept, String version, String origin,
      int status, String reason, VertxTestContext ctx) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    if (accept != null) {
      headers.add("Accept", accept);
    }
    if (version != null) {
      headers.add("MCP-Protocol-Version", version);
    }
    if (origin != null) {
      headers.add("Origin", origin);
    }
    double before = reason == null ? 0 : rejected(reason);
    http.send(HttpMethod.POST, headers, HttpExchange.PING).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.status()).isEqualTo(status);
      assertThat(reply.headers().get("Content-Type")).isEqualTo("application/json");
      if (reason == null) {
        assertThat(reply.json().getJsonObject("result").isEmpty()).isTrue();
        assertThat(reply.json().getInteger("id")).isEqualTo(1);
      } else {
        assertThat(reply.errorCode()).isEqualTo(-32600);
        assertThat(rejected(reason)).isEqualTo(before + 1);
      }
      ctx.completeNow();
    })));
  }

  @ParameterizedTest(name = "{0} -> HTTP {1}, JSON-RPC {2}")
  @CsvSource(delimiter = '|', textBlock = """
      {not json                                                     | 400 | -32700 | Parse error: the body is not valid JSON
      ''                                                            | 400 | -32700 | Parse error: empty body
      42                                                            | 400 | -32600 | Expected one JSON-RPC message object; batches are not supported
      [{"jsonrpc":"2.0","id":1,"method":"ping"}]                    | 400 | -32600 | Expected one JSON-RPC message object; batches are not supported
      {"hello":"world"}                                             | 400 | -32600 | Not a JSON-RPC 2.0 message: "jsonrpc" must be "2.0"
      {"jsonrpc":"1.0","id":1,"method":"ping"}                      | 400 | -32600 | Not a JSON-RPC 2.0 message: "jsonrpc" must be "2.0"
      {"jsonrpc":"2.0","id":null,"method":"ping"}                   | 400 | -32600 | Invalid request: "id" must be a string or a number
      {"jsonrpc":"2.0","id":2,"result":{}}                          | 400 | -32600 | This stateless server sends no requests, so it accepts no responses
      {"jsonrpc":"2.0","id":3,"method":"trade/everything"}          | 200 | -32601 | Method not found: trade/everything
      {"jsonrpc":"2.0","id":4,"method":"tools/call","params":"x"}   | 200 | -32602 | Invalid params for tools/call
      """)
  void malformedMessagesGetAJsonRpcErrorAndTheServerKeepsServing(String body, int status, int code,
      String message, VertxTestContext ctx) {
    http.post(body)
        .compose(reply -> {
          ctx.verify(() -> {
            assertThat(reply.status()).isEqualTo(status);
            assertThat(reply.errorCode()).isEqualTo(code);
            assertThat(reply.errorMessage()).startsWith(message);
          });
          return http.post(HttpExchange.PING);
        })
        .onComplete(ctx.succeeding(ping -> ctx.verify(() -> {
          assertThat(ping.status()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  void aParseErrorIsCountedAndDeadLetteredWithItsPayload(Vertx vertx, VertxTestContext ctx) {
    double before = rejected("parse_error");
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> ctx.verify(() -> {
      assertThat(msg.body().getSource()).isEqualTo("desk");
      assertThat(msg.body().getReason()).isEqualTo("parse_error: Parse error: the body is not valid JSON");
      assertThat(msg.body().getPayload()).isEqualTo("{\"jsonrpc\": oops");
      assertThat(rejected("parse_error")).isEqualTo(before + 1);
      ctx.completeNow();
    })).completion().compose(v -> http.post("{\"jsonrpc\": oops")).onFailure(ctx::failNow);
  }

  @Test
  void aNotificationIsAcceptedWith202AndNoBody(VertxTestContext ctx) {
    http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.status()).isEqualTo(202);
          assertThat(reply.body()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  void anOversizedBodyAnnouncedByContentLengthIs413(VertxTestContext ctx) {
    double before = rejected("body_too_large");
    String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(8000) + "\"}}";
    http.post(big)
        .compose(reply -> {
          ctx.verify(() -> {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.errorMessage()).isEqualTo("Request body exceeds the limit of 4096 bytes");
            assertThat(rejected("body_too_large")).isEqualTo(before + 1);
          });
          return http.post(HttpExchange.PING);
        })
        .onComplete(ctx.succeeding(ping -> ctx.verify(() -> {
          assertThat(ping.status()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  void aClientThatAsksBeforeSendingItsBodyIsToldToContinue(VertxTestContext ctx) {
    http.postExpectingContinue(HttpExchange.PING).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().getInteger("id")).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  void anOversizedChunkedBodyIsCutOffAt413(VertxTestContext ctx) {
    double before = rejected("body_too_large");
    http.postChunked(64 * 1024)
        .compose(reply -> {
          ctx.verify(() -> {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(rejected("body_too_large")).isEqualTo(before + 1);
          });
          return http.post(HttpExchange.PING);
        })
        .onComplete(ctx.succeeding(ping -> ctx.verify(() -> {
          assertThat(ping.status()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} -> 405")
  @CsvSource({"GET", "DELETE", "PUT"})
  void onlyPostIsServedBecauseThereIsNoStream(String method, VertxTestContext ctx) {
    http.send(HttpMethod.valueOf(method), HttpExchange.mcpHeaders(), null)
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.status()).isEqualTo(405);
          assertThat(reply.headers().get("Allow")).isEqualTo("POST");
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "Authorization: {0} -> 401 {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Bearer not.a.token | error="invalid_token"
      Basic YWxpY2U6eA== | error="invalid_request"
      Bearer             | error="invalid_request"
      """)
  void badCredentialsAre401WithABearerChallenge(String authorization, String challenge, VertxTestContext ctx) {
    double before = rejected("unauthenticated");
    MultiMap headers = HttpExchange.mcpHeaders().add("Authorization", authorization);
    http.send(HttpMethod.POST, headers, HttpExchange.PING).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.headers().get("WWW-Authenticate")).startsWith("Bearer realm=\"mcp\"").contains(challenge);
      assertThat(reply.errorCode()).isEqualTo(-32001);
      assertThat(rejected("unauthenticated")).isEqualTo(before + 1);
      ctx.completeNow();
    })));
  }

  @Test
  void aClosedServerLeavesTheRouterSoItsPathCanBeMountedAgain(VertxTestContext ctx) {
    desk.desk.server().close()
        .compose(v -> http.post(HttpExchange.PING))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.status()).isEqualTo(404);
          ctx.completeNow();
        })));
  }

  @Test
  void withoutAnonymousViewingATokenIsRequired(Vertx vertx, VertxTestContext ctx) {
    McpServerConfig closed = DeskFixture.config().withAuth(false, DeskFixture.SECRET, DeskFixture.ISSUER);
    DeskFixture.start(vertx, closed).compose(fixture -> {
      HttpExchange exchange = new HttpExchange(vertx, fixture.port());
      MultiMap withToken = HttpExchange.mcpHeaders()
          .add("Authorization", "Bearer " + fixture.token("bob", McpRole.VIEWER));
      return exchange.post(HttpExchange.PING).compose(anonymous -> {
        ctx.verify(() -> {
          assertThat(anonymous.status()).isEqualTo(401);
          assertThat(anonymous.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"mcp\"");
        });
        return exchange.send(HttpMethod.POST, withToken, HttpExchange.PING);
      });
    }).onComplete(ctx.succeeding(viewer -> ctx.verify(() -> {
      assertThat(viewer.status()).isEqualTo(200);
      ctx.completeNow();
    })));
  }
}
