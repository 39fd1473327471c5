package dev.tradingsystem.shared.runtime;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.service.VertxScoped;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one HTTP listener of a process (default port 8080): {@code /health/live},
 * {@code /health/ready}, {@code /metrics}, {@code /api/status}. Verticles register their
 * readiness and status here; the gateway mounts its routes on the same {@link #router()}.
 */
public final class ProcessEndpoints {

  private static final VertxScoped<ProcessEndpoints> ENDPOINTS = new VertxScoped<>(ProcessEndpoints::new);

  private final Vertx vertx;
  private final Router router;
  private final HealthChecks liveness;
  private final HealthChecks readiness;
  private final Map<String, Supplier<JsonObject>> statuses = new ConcurrentHashMap<>();
  private volatile HttpServer server;

  private ProcessEndpoints(Vertx vertx) {
    this.vertx = vertx;
    this.router = Router.router(vertx);
    this.liveness = HealthChecks.create(vertx);
    this.readiness = HealthChecks.create(vertx);
    liveness.register("event-loop", promise -> promise.complete(Status.OK()));
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(liveness));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(TradingMetrics.scrape()));
    router.get("/api/status").handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json")
        .end(status().encodePrettily()));
  }

  public static ProcessEndpoints of(Vertx vertx) {
    return ENDPOINTS.get(vertx);
  }

  public Router router() {
    return router;
  }

  /** A service is ready when its procedure completes with OK; until registered it is not listed. */
  public void readiness(String name, Supplier<Boolean> ready) {
    readiness.register(name, promise -> promise.complete(ready.get() ? Status.OK() : Status.KO()));
  }

  public void unregister(String name) {
    readiness.unregister(name);
    statuses.remove(name);
  }

  /** Adds a section to {@code /api/status}. The supplier runs on the HTTP server's event loop. */
  public void status(String name, Supplier<JsonObject> status) {
    statuses.put(name, status);
  }

  public JsonObject status() {
    JsonObject services = new JsonObject();
    new TreeMap<>(statuses).forEach((name, supplier) -> services.put(name, supplier.get()));
    return new JsonObject().put("clustered", vertx.isClustered()).put("services", services);
  }

  /** Starts the listener; port 0 picks a free one. Idempotent. */
  public synchronized Future<HttpServer> listen(String host, int port) {
    if (server != null) {
      return Future.succeededFuture(server);
    }
    Promise<HttpServer> promise = Promise.promise();
    vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s)
        .onComplete(promise);
    return promise.future();
  }

  public int port() {
    return server == null ? -1 : server.actualPort();
  }
}
