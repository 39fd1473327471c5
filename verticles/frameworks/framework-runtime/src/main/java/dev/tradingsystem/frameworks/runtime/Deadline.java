package dev.tradingsystem.frameworks.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeoutException;

/**
 * A deadline whose timer runs on the caller's context. {@code Future.timeout} on a future without
 * a context (the portfolio gate's, the service registry's) fires on a global thread, and whatever
 * the tick does next (the next intent, the TickDone, the ticks queued behind) would run there too,
 * racing the verticle's own handlers.
 */
final class Deadline {

  private Deadline() {
  }

  /**
   * {@code future}'s outcome, or a {@link TimeoutException} after {@code millis}. Call it on the
   * owning context: that is where the timer fires.
   */
  static <T> Future<T> within(Vertx vertx, Future<T> future, long millis) {
    if (future.isComplete()) {
      return future;
    }
    Promise<T> outcome = Promise.promise();
    long timer = vertx.setTimer(millis, id -> outcome.tryFail(new TimeoutException("Timeout " + millis + " (ms) fired")));
    future.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        outcome.tryComplete(ar.result());
      } else {
        outcome.tryFail(ar.cause());
      }
    });
    return outcome.future();
  }
}
