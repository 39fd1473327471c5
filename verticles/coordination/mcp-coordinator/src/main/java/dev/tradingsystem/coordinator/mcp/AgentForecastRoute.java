package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.mcp.ToolRejection;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.service.ServiceRegistry;
import dev.tradingsystem.shared.service.ServiceUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A forecast from an agent's {@code AgentService.analyze} (lagllama-agent by default): the same
 * call the panel makes, with the symbol's latest tick features, so the answer is the agent's
 * current quantile forecast at its own configured horizon. Its effects on the agent are those of
 * one more panel request: it counts in the agent's {@code requests} and, when not FLAT, the signal
 * is published on the agent's signal stream; a candle already seen is not counted twice.
 */
final class AgentForecastRoute implements ForecastRoute {

  static final String VIA = "AgentService.analyze";

  private final Vertx vertx;
  private final String service;
  private final AgentService agent;
  private final long timeoutMs;
  private long requests;

  AgentForecastRoute(Vertx vertx, String service, long timeoutMs) {
    this.vertx = vertx;
    this.service = service;
    this.agent = ServiceRegistry.of(vertx).lookup(AgentService.class, service);
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<JsonObject> forecast(String symbol, FeatureVector latest, int horizonSec) {
    AnalyzeRequest request = AnalyzeRequest.newBuilder()
        .setMeta(Metas.derive(latest.getMeta(), "mcp-forecast-" + ++requests + "-" + latest.getMeta().getId()))
        .setFeatures(latest)
        .build();
    return withDeadline(call(request))
        .recover(failure -> Future.failedFuture(failure instanceof RouteFailure ? failure
            : failure instanceof ServiceUnavailableException
                ? new RouteFailure("forecast is answered by " + service + " through " + VIA + ", and " + service
                    + " is not deployed or not reachable: " + failure.getMessage())
                : new RouteFailure(service + " failed to forecast " + symbol + ": " + failure.getMessage())))
        .map(signal -> answer(symbol, latest, signal, horizonSec));
  }

  @Override
  public JsonObject describe() {
    return new JsonObject().put("agent", service).put("via", VIA);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private JsonObject answer(String symbol, FeatureVector latest, AgentSignal signal, int horizonSec) {
    if (signal.getQuantilesCount() == 0) {
      throw new RouteFailure(service + " has no forecast for " + symbol + " yet: "
          + (signal.getDegraded() ? "degraded (" + signal.getDegradedReason() + ")" : signal.getRationale()));
    }
    if (horizonSec > 0 && signal.getHorizonSec() > 0 && horizonSec != signal.getHorizonSec()) {
      throw new ToolRejection("unsupported_horizon", service + " forecasts one horizon, " + signal.getHorizonSec()
          + " s (its configured number of candles); call forecast with horizon " + signal.getHorizonSec()
          + " or without horizon");
    }
    JsonArray quantiles = new JsonArray();
    for (Quantile q : signal.getQuantilesList()) {
      quantiles.add(new JsonObject()
          .put("level", TradingJson.finite(q.getLevel()))
          .put("logReturn", TradingJson.finite(q.getValue()))
          .put("price", TradingJson.finite(latest.getPrice() * Math.exp(q.getValue()))));
    }
    JsonObject json = new JsonObject()
        .put("symbol", symbol)
        .put("routedTo", describe())
        .put("modelId", signal.getModelId())
        .put("direction", signal.getDirection().name())
        .put("strength", TradingJson.finite(signal.getStrength()))
        .put("confidence", TradingJson.finite(signal.getConfidence()))
        .put("horizonSec", signal.getHorizonSec())
        .put("quantiles", quantiles)
        .put("degraded", signal.getDegraded());
    if (signal.getDegraded()) {
      json.put("degradedReason", signal.getDegradedReason());
    }
    return json
        .put("rationale", signal.getRationale())
        .put("asOf", TradingJson.event(latest.getMeta()).put("price", TradingJson.finite(latest.getPrice())));
  }

  private Future<AgentSignal> call(AnalyzeRequest request) {
    try {
      return agent.analyze(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<AgentSignal> withDeadline(Future<AgentSignal> call) {
    if (call.isComplete()) {
      return call;
    }
    Promise<AgentSignal> promise = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, id -> promise.tryFail(
        new RouteFailure(service + " gave no forecast within " + timeoutMs + " ms")));
    call.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        promise.tryComplete(ar.result());
      } else {
        promise.tryFail(ar.cause());
      }
    });
    return promise.future();
  }
}
