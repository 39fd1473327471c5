package dev.tradingsystem.data.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A venue on loopback: one Vert.x HTTP server answering WebSocket upgrades with a scripted replay
 * of recorded frames (per connection) and REST calls with queued answers, recording what clients
 * sent. The tests drive gaps, disconnects, malformed frames and silence through the scripts.
 * Public for the collector's live-mode tests in the parent package.
 */
public final class LoopbackExchange {

  /** One REST answer. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer ok(String body) {
      return new Answer(200, Map.of("Content-Type", "application/json", "X-MBX-USED-WEIGHT-1M", "50"), body);
    }
  }

  /** A REST call as received: path with query, and when (monotonic ms). */
  record Call(String uri, long atMs) {
  }

  public final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
  final List<String> clientMessages = new CopyOnWriteArrayList<>();
  final List<String> socketPaths = new CopyOnWriteArrayList<>();
  final List<Call> restCalls = new CopyOnWriteArrayList<>();
  final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
  public volatile Answer defaultAnswer = new Answer(404, Map.of(), "{}");
  /** Reacts to what a client sends (after it is recorded), e.g. a resubscription. */
  volatile BiConsumer<ServerWebSocket, String> reactor = (ws, text) -> { };

  /** Gets the 0-based connection number and the socket; writes frames, closes, or waits. */
  public volatile BiConsumer<Integer, ServerWebSocket> script = (n, ws) -> { };

  private final Vertx vertx;
  private HttpServer server;

  public LoopbackExchange(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<Integer> listen() {
    server = vertx.createHttpServer()
        .webSocketHandler(ws -> {
          int index = sockets.size();
          sockets.add(ws);
          socketPaths.add(ws.uri());
          ws.textMessageHandler(text -> {
            clientMessages.add(text);
            reactor.accept(ws, text);
          });
          script.accept(index, ws);
        })
        .requestHandler(this::rest);
    return server.listen(0, "127.0.0.1").map(HttpServer::actualPort);
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void rest(HttpServerRequest request) {
    restCalls.add(new Call(request.uri(), System.nanoTime() / 1_000_000));
    Answer answer = answers.poll();
    if (answer == null) {
      answer = defaultAnswer;
    }
    answer.headers().forEach(request.response()::putHeader);
    request.response().setStatusCode(answer.status()).end(answer.body());
  }

  public static void play(ServerWebSocket ws, List<String> frames) {
    frames.forEach(ws::writeTextMessage);
  }
}
