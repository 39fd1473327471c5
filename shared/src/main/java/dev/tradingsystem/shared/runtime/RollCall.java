package dev.tradingsystem.shared.runtime;

import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Finds out which services are up, anywhere in the cluster. Each service answers the roll call
 * once its consumers are registered; a replay starts only when everyone it needs has answered.
 */
public final class RollCall {

  private RollCall() {
  }

  /** Answers every roll call with this announcement. Register it last in {@code start()}. */
  public static Future<MessageConsumer<String>> answer(Vertx vertx, ServiceAnnouncement announcement) {
    MessageConsumer<String> consumer = vertx.eventBus().consumer(Addresses.ROLL_CALL,
        msg -> vertx.eventBus().send(msg.body(), announcement));
    return consumer.completion().map(v -> consumer);
  }

  /**
   * Calls the roll every {@code intervalMillis} until all {@code expected} services answered or
   * {@code timeoutMillis} passed; fails naming who is missing.
   */
  public static Future<Map<String, ServiceAnnouncement>> await(
      Vertx vertx, Collection<String> expected, long intervalMillis, long timeoutMillis) {
    if (expected.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Promise<Map<String, ServiceAnnouncement>> promise = Promise.promise();
    Map<String, ServiceAnnouncement> present = new HashMap<>();
    String replyAddress = Addresses.ROLL_CALL + ".reply." + UUID.randomUUID();
    MessageConsumer<ServiceAnnouncement> replies = vertx.eventBus().consumer(replyAddress, msg -> {
      present.put(msg.body().getService(), msg.body());
      if (present.keySet().containsAll(expected)) {
        promise.tryComplete(Map.copyOf(present));
      }
    });
    replies.completion().onSuccess(v -> {
      long ticker = vertx.setPeriodic(0, intervalMillis, id -> vertx.eventBus().publish(Addresses.ROLL_CALL, replyAddress));
      long deadline = vertx.setTimer(timeoutMillis, id -> {
        var missing = expected.stream().filter(s -> !present.containsKey(s)).toList();
        promise.tryFail(new IllegalStateException("services did not answer the roll call in "
            + timeoutMillis + " ms: " + missing));
      });
      promise.future().onComplete(ar -> {
        vertx.cancelTimer(ticker);
        vertx.cancelTimer(deadline);
        replies.unregister();
      });
    }).onFailure(promise::tryFail);
    return promise.future();
  }
}
