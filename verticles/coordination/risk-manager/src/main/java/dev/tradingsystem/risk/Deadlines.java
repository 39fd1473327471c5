package dev.tradingsystem.risk;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeoutException;

/** Every remote call gets a deadline: a timer races the call and the first to finish wins. */
final class Deadlines {

  private Deadlines() {
  }

  /** The call's outcome, or a {@link TimeoutException} naming the call after {@code timeoutMs}. */
  static <T> Future<T> within(Vertx vertx, Future<T> call, long timeoutMs, String what) {
    if (call.isComplete()) {
      return call;
    }
    Promise<T> promise = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, id -> promise.tryFail(new TimeoutException(what + " gave no answer in " + timeoutMs + " ms")));
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
