package dev.tradingsystem.shared.runtime;

import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * A service's counters as JSON, reachable by request/reply on {@code services.stats.<name>}
 * from anywhere in the cluster (run reports, the gateway) and shown in {@code /api/status}.
 */
public final class ServiceStats {

  private ServiceStats() {
  }

  /** Registers the stats of a service; the supplier runs on the caller's context. */
  public static Future<MessageConsumer<Object>> serve(Vertx vertx, String service, Supplier<JsonObject> stats) {
    ProcessEndpoints.of(vertx).status(service, stats);
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(address(service), msg -> msg.reply(stats.get()));
    return consumer.completion().map(v -> consumer);
  }

  public static Future<JsonObject> fetch(Vertx vertx, String service, long timeoutMillis) {
    return vertx.eventBus()
        .<JsonObject>request(address(service), service, new DeliveryOptions().setSendTimeout(timeoutMillis))
        .map(msg -> msg.body());
  }

  public static String address(String service) {
    return Addresses.SERVICE_STATS + "." + service;
  }
}
