package dev.tradingsystem.gateway;

import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge of the system. At this level: a system-wide {@code GET /api/status} (every service's
 * stats gathered over the event bus, so it works co-located and clustered alike, plus trading
 * state, replay progress and the portfolio summary) on the process's one HTTP listener. The REST
 * API, the event-bus bridge and the web UI mount on the same router in a later issue.
 */
public final class GatewayVerticle extends VerticleBase {

  private final SystemView view = new SystemView();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final List<Route> routes = new ArrayList<>();
  private GatewayConfig config;

  @Override
  public Future<?> start() {
    config = GatewayConfig.from(ConfigReader.of(config()));
    consumers.add(vertx.eventBus().<ReplayProgress>consumer(Addresses.REPLAY_PROGRESS, msg -> view.onReplay(msg.body())));
    consumers.add(vertx.eventBus().<TradingStatus>consumer(Addresses.RISK_STATUS, msg -> view.onTradingStatus(msg.body())));
    consumers.add(vertx.eventBus().<PortfolioState>consumer(Addresses.PORTFOLIO_STATE, msg -> view.onPortfolio(msg.body())));
    ProcessEndpoints endpoints = ProcessEndpoints.of(vertx);
    // Ahead of the process's local /api/status: the gateway answers for the whole system.
    routes.add(endpoints.router().get("/api/status").order(-1).handler(this::status));
    endpoints.readiness(ServiceNames.GATEWAY, () -> true);
    List<Future<?>> ready = new ArrayList<>();
    consumers.forEach(c -> ready.add(c.completion()));
    return Future.all(ready)
        .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(ServiceNames.GATEWAY).setInstanceId(deploymentID()).build()))
        .onSuccess(consumers::add);
  }

  @Override
  public Future<?> stop() {
    routes.forEach(Route::remove);
    ProcessEndpoints.of(vertx).unregister(ServiceNames.GATEWAY);
    List<Future<?>> closing = new ArrayList<>();
    consumers.forEach(c -> closing.add(c.unregister()));
    return Future.join(closing);
  }

  private void status(RoutingContext ctx) {
    List<Future<JsonObject>> stats = new ArrayList<>();
    for (String service : config.services()) {
      stats.add(ServiceStats.fetch(vertx, service, config.statsTimeoutMs())
          .map(json -> new JsonObject().put("up", true).put("stats", json))
          .otherwise(e -> new JsonObject().put("up", false).put("error", e.getMessage())));
    }
    Future.join(stats).onComplete(ignored -> {
      JsonObject services = new JsonObject();
      for (int i = 0; i < stats.size(); i++) {
        services.put(config.services().get(i), stats.get(i).result());
      }
      JsonObject body = view.toJson()
          .put("system", "trading-system")
          .put("mode", vertx.isClustered() ? "clustered" : "co-located")
          .put("services", services);
      ctx.response().putHeader("content-type", "application/json").end(body.encodePrettily());
    });
  }
}
