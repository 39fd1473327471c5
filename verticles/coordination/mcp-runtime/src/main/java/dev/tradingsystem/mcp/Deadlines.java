package dev.tradingsystem.mcp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/** A deadline on a handler's future, so a stuck service answers an error instead of never. */
final class Deadlines {

  /** The handler did not answer in time. */
  static final class Expired extends RuntimeException {
    Expired(long millis) {
      super("no answer within " + millis + " ms", null, false, false);
    }
  }

  private Deadlines() {
  }

  /** Must run on {@code context}; a null future (a handler bug) fails at once. */
  static <T> Future<T> within(Context context, Future<T> future, long millis) {
    if (future == null) {
      return Future.failedFuture(new IllegalStateException("the handler returned no future"));
    }
    if (future.isComplete()) {
      return future;
    }
    Promise<T> promise = Promise.promise();
    long timer = context.owner().setTimer(millis, id -> promise.tryFail(new Expired(millis)));
    future.onComplete(result -> {
      context.owner().cancelTimer(timer);
      if (result.succeeded()) {
        promise.tryComplete(result.result());
      } else {
        promise.tryFail(result.cause());
      }
    });
    return promise.future();
  }
}
