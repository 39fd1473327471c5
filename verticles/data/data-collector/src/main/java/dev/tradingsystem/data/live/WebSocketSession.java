package dev.tradingsystem.data.live;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue WebSocket kept alive: connects, hands text frames on, and on a close, an error, a
 * failed connect or an idle connection (no frame for {@code idleTimeoutMs}, the half-open TCP case
 * where no close ever arrives) reconnects after the {@link ReconnectPolicy}'s jittered delay.
 * Venue pings are answered with pongs by Vert.x itself; after half the idle timeout without a
 * frame the session sends its own ping, and the venue's pong counts as life.
 * All callbacks run on the owning context, so the feed keeps its state without locks.
 */
final class WebSocketSession {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSession.class);

  private final Vertx vertx;
  private final WebSocketClient client;
  private final String venue;
  private final Supplier<String> url;
  private final ReconnectPolicy policy;
  private final long idleTimeoutMs;
  private final Consumer<WebSocket> onOpen;
  private final Handler<String> onText;
  private WebSocket socket;
  private long lastFrameMs;
  private long idleTimer = -1;
  private long reconnectTimer = -1;
  private boolean stopped;
  private int connects;

  WebSocketSession(Vertx vertx, WebSocketClient client, String venue, Supplier<String> url, ReconnectPolicy policy,
      long idleTimeoutMs, Consumer<WebSocket> onOpen, Handler<String> onText) {
    this.vertx = vertx;
    this.client = client;
    this.venue = venue;
    this.url = url;
    this.policy = policy;
    this.idleTimeoutMs = idleTimeoutMs;
    this.onOpen = onOpen;
    this.onText = onText;
  }

  /** Connects the first time; completes when the first connection is up or failed (it keeps retrying). */
  Future<Void> start() {
    idleTimer = vertx.setPeriodic(Math.max(50, idleTimeoutMs / 4), id -> checkIdle());
    return connect();
  }

  Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(idleTimer);
    vertx.cancelTimer(reconnectTimer);
    WebSocket open = socket;
    socket = null;
    return open == null ? Future.succeededFuture() : open.close().otherwiseEmpty().mapEmpty();
  }

  /** Successful connects so far (the first included). */
  int connects() {
    return connects;
  }

  boolean connected() {
    return socket != null;
  }

  /** Drops the connection on purpose (idle, or a protocol state that only a fresh connection fixes). */
  void recycle(String why) {
    WebSocket open = socket;
    if (open != null) {
      LOG.warn("{}: closing the connection: {}", venue, why);
      lost(open);
      open.close();
    }
  }

  private Future<Void> connect() {
    String target = url.get();
    return client.connect(new WebSocketConnectOptions().setAbsoluteURI(target))
        .onSuccess(ws -> {
          if (stopped) {
            ws.close();
            return;
          }
          socket = ws;
          connects++;
          lastFrameMs = now();
          policy.onConnected(lastFrameMs);
          ws.pongHandler(pong -> lastFrameMs = now());
          ws.textMessageHandler(text -> {
            lastFrameMs = now();
            onText.handle(text);
          });
          ws.closeHandler(v -> lost(ws));
          ws.exceptionHandler(e -> LOG.warn("{}: websocket error: {}", venue, e.toString()));
          LOG.info("{}: connected to {}", venue, target);
          onOpen.accept(ws);
        })
        .onFailure(e -> {
          LOG.warn("{}: connect to {} failed: {}", venue, target, e.toString());
          scheduleReconnect();
        })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private void lost(WebSocket ws) {
    if (socket != ws) {
      return; // already handled (recycled, then the close arrived)
    }
    socket = null;
    if (!stopped) {
      LOG.warn("{}: connection lost", venue);
      scheduleReconnect();
    }
  }

  private void scheduleReconnect() {
    if (stopped) {
      return;
    }
    long delay = policy.nextDelayMs(now());
    LiveMetrics.reconnects(venue).increment();
    LOG.info("{}: reconnecting in {} ms (attempt {})", venue, delay, policy.attempt());
    reconnectTimer = vertx.setTimer(Math.max(1, delay), id -> connect());
  }

  private void checkIdle() {
    if (socket == null) {
      return;
    }
    long silence = now() - lastFrameMs;
    if (silence > idleTimeoutMs) {
      recycle("no frame for " + silence + " ms");
    } else if (silence > idleTimeoutMs / 2) {
      socket.writePing(Buffer.buffer("hb"));
    }
  }

  private static long now() {
    return System.nanoTime() / 1_000_000;
  }
}
