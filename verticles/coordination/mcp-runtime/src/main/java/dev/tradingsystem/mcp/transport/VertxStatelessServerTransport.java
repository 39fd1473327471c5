package dev.tradingsystem.mcp.transport;

import dev.tradingsystem.mcp.auth.McpAuthenticationException;
import dev.tradingsystem.mcp.auth.McpAuthenticator;
import dev.tradingsystem.mcp.auth.McpCaller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The MCP Java SDK's stateless Streamable HTTP server transport on a Vert.x {@link Router}: each POST
 * carries one JSON-RPC message; a request is answered with one {@code application/json} JSON-RPC
 * response, a notification with 202. There are no sessions and no SSE stream, so GET and DELETE are
 * 405. Nothing blocks the event loop: the SDK's {@link Mono} is subscribed and its result written on
 * the request's context.
 *
 * <p>Every request is authenticated first; the {@link McpCaller} and the negotiated protocol version
 * travel to the SDK's handlers in the {@link McpTransportContext} ({@link McpCaller#CONTEXT_KEY},
 * {@link #PROTOCOL_VERSION_KEY}).
 */
public final class VertxStatelessServerTransport implements McpStatelessServerTransport {

  /** Transport-context key of the request's {@code MCP-Protocol-Version} (or the assumed default). */
  public static final String PROTOCOL_VERSION_KEY = "trading.mcp.protocolVersion";
  /** What the spec says to assume when a client sends no {@code MCP-Protocol-Version}. */
  static final String ASSUMED_PROTOCOL_VERSION = ProtocolVersions.MCP_2025_03_26;
  private static final int PAYLOAD_EXCERPT_CHARS = 512;
  private static final Logger LOG = LoggerFactory.getLogger(VertxStatelessServerTransport.class);

  private final List<Route> routes = new ArrayList<>();
  private final McpJsonMapper mapper;
  private final McpAuthenticator authenticator;
  private final RequestChecks checks;
  private final long maxBodyBytes;
  private final TransportObserver observer;
  private final JsonRpcReplies replies;
  private volatile McpStatelessServerHandler handler;
  private volatile boolean closing;

  /**
   * @param headerValidator the SDK's Origin/Host validator ({@code ServerHttpHeaderValidator.NOOP} for none)
   * @param maxBodyBytes    largest accepted body; larger ones get 413
   */
  public VertxStatelessServerTransport(McpJsonMapper mapper, McpAuthenticator authenticator,
      ServerHttpHeaderValidator headerValidator, long maxBodyBytes, TransportObserver observer) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.maxBodyBytes = maxBodyBytes;
    this.observer = Objects.requireNonNull(observer, "observer");
    this.checks = new RequestChecks(headerValidator, protocolVersions(), maxBodyBytes);
    this.replies = new JsonRpcReplies(mapper);
  }

  @Override
  public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
    this.handler = mcpHandler;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(() -> closing = true);
  }

  /** Routes {@code path} on {@code router}: POST carries messages, every other method is 405. */
  public void mount(Router router, String path) {
    routes.add(router.post(path).handler(this::post));
    routes.add(router.route(path).handler(ctx -> ctx.response().setStatusCode(405).putHeader("Allow", "POST").end()));
  }

  /**
   * Takes the endpoint off the router. The process router outlives a verticle: a service
   * redeployed in the same process mounts the same path again, and a closed server's routes,
   * matched first, would answer its requests with 503.
   */
  public void unmount() {
    routes.forEach(Route::remove);
    routes.clear();
  }

  private void post(RoutingContext ctx) {
    if (closing || handler == null) {
      replies.error(ctx, 503, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "MCP server is not serving", null);
      return;
    }
    HttpRejection refused = checks.check(ctx.request());
    if (refused != null) {
      reject(ctx, refused, null, "");
      return;
    }
    if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
      // curl asks before sending bodies over 1 KiB; the headers passed, so the body is welcome.
      ctx.response().writeContinue();
    }
    Context requestContext = Vertx.currentContext();
    BoundedBody.read(ctx, maxBodyBytes)
        .compose(body -> authenticator.authenticate(ctx.request()).map(caller -> new Admitted(body, caller)))
        .onComplete(result -> ReactorFutures.onContext(requestContext, () -> {
          if (result.failed()) {
            refuse(ctx, result.cause());
            return;
          }
          try {
            dispatch(ctx, result.result().body(), result.result().caller());
          } catch (RuntimeException e) {
            // A defect must cost one request, never leave the client hanging.
            LOG.warn("MCP request failed in dispatch", e);
            replies.error(ctx, 500, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", null);
          }
        }));
  }

  /** A body within the limit from an authenticated caller. */
  private record Admitted(Buffer body, McpCaller caller) {
  }

  private void refuse(RoutingContext ctx, Throwable failure) {
    if (failure instanceof BoundedBody.TooLarge) {
      // The client may still be sending; closing after the answer is the only way to stop it.
      ctx.response().putHeader("Connection", "close");
      reject(ctx, HttpRejection.bodyTooLarge(maxBodyBytes), null, "");
    } else if (failure instanceof McpAuthenticationException refusal) {
      String challenge = "Bearer realm=\"mcp\"" + (refusal.error() == null ? "" : ", error=\"" + refusal.error()
          + "\", error_description=\"" + quotable(refusal.getMessage()) + "\"");
      ctx.response().putHeader("WWW-Authenticate", challenge);
      reject(ctx, new HttpRejection(401, HttpRejection.UNAUTHENTICATED, "unauthenticated", refusal.getMessage()),
          null, "");
    } else {
      LOG.warn("MCP request failed before dispatch: {}", failure.toString());
      replies.error(ctx, 500, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", null);
    }
  }

  private void dispatch(RoutingContext ctx, Buffer body, McpCaller caller) {
    String text = body.toString(StandardCharsets.UTF_8);
    JSONRPCMessage message;
    try {
      Object parsed = text.isBlank() ? null : mapper.readValue(text, Object.class);
      if (parsed == null) {
        reject(ctx, HttpRejection.parseError("Parse error: empty body"), null, text);
        return;
      }
      if (!(parsed instanceof Map<?, ?> object)) {
        reject(ctx, HttpRejection.invalidRequest(
            "Expected one JSON-RPC message object; batches are not supported"), null, text);
        return;
      }
      if (object.containsKey("method") && object.containsKey("id")
          && !(object.get("id") instanceof String || object.get("id") instanceof Number)) {
        reject(ctx, HttpRejection.invalidRequest("Invalid request: \"id\" must be a string or a number"),
            null, text);
        return;
      }
      if (!McpSchema.JSONRPC_VERSION.equals(object.get("jsonrpc"))) {
        reject(ctx, HttpRejection.invalidRequest("Not a JSON-RPC 2.0 message: \"jsonrpc\" must be \"2.0\""),
            object.get("id"), text);
        return;
      }
      message = McpSchema.deserializeJsonRpcMessage(mapper, text);
    } catch (IOException e) {
      reject(ctx, HttpRejection.parseError("Parse error: the body is not valid JSON"), null, text);
      return;
    } catch (IllegalArgumentException e) {
      reject(ctx, HttpRejection.invalidRequest("Invalid request: not a JSON-RPC request or notification"),
          null, text);
      return;
    }
    String version = ctx.request().getHeader(HttpHeaders.PROTOCOL_VERSION);
    McpTransportContext transportContext = McpTransportContext.create(Map.of(
        McpCaller.CONTEXT_KEY, caller,
        PROTOCOL_VERSION_KEY, version == null ? ASSUMED_PROTOCOL_VERSION : version.trim()));
    if (message instanceof JSONRPCRequest request) {
      answer(ctx, request, transportContext);
    } else if (message instanceof JSONRPCNotification notification) {
      acknowledge(ctx, notification, transportContext);
    } else {
      reject(ctx, HttpRejection.invalidRequest(
          "This stateless server sends no requests, so it accepts no responses"), null, text);
    }
  }

  private void answer(RoutingContext ctx, JSONRPCRequest request, McpTransportContext transportContext) {
    Mono<McpSchema.JSONRPCResponse> response;
    try {
      response = handler.handleRequest(transportContext, request)
          .contextWrite(c -> c.put(McpTransportContext.KEY, transportContext));
    } catch (RuntimeException e) {
      // The SDK converts params before its own error mapping; bad params surface as a throw here.
      response = Mono.error(e);
    }
    ReactorFutures.Subscription<McpSchema.JSONRPCResponse> subscription =
        ReactorFutures.subscribeOn(response, Vertx.currentContext());
    ctx.response().closeHandler(v -> subscription.disposable().dispose());
    subscription.future().onComplete(result -> {
      if (result.succeeded()) {
        replies.response(ctx, result.result());
      } else {
        replies.failure(ctx, request, result.cause());
      }
    });
  }

  private void acknowledge(RoutingContext ctx, JSONRPCNotification notification,
      McpTransportContext transportContext) {
    Mono<Void> handled;
    try {
      handled = handler.handleNotification(transportContext, notification)
          .contextWrite(c -> c.put(McpTransportContext.KEY, transportContext));
    } catch (RuntimeException e) {
      handled = Mono.error(e);
    }
    ReactorFutures.subscribeOn(handled, Vertx.currentContext()).future().onComplete(result -> {
      if (result.succeeded()) {
        ctx.response().setStatusCode(202).end();
      } else {
        LOG.warn("MCP notification {} failed: {}", notification.method(), result.cause().toString());
        replies.error(ctx, 500, null, McpSchema.ErrorCodes.INTERNAL_ERROR,
            "Notification " + notification.method() + " failed", null);
      }
    });
  }

  /** Text safe inside a quoted header parameter: one line of printable ASCII, no quotes. */
  private static String quotable(String text) {
    String line = text == null ? "" : text.lines().findFirst().orElse("");
    String safe = line.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", " ").trim();
    return safe.length() > 200 ? safe.substring(0, 200) : safe;
  }

  private void reject(RoutingContext ctx, HttpRejection rejection, Object id, String payload) {
    LOG.debug("MCP request refused ({}): {}", rejection.reason(), rejection.message());
    observer.rejected(rejection.reason(), rejection.message(),
        payload.length() > PAYLOAD_EXCERPT_CHARS ? payload.substring(0, PAYLOAD_EXCERPT_CHARS) : payload);
    replies.error(ctx, rejection.status(), id, rejection.code(), rejection.message(), null);
  }
}
