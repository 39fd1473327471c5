package dev.tradingsystem.shared.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs a reader's handler over one batch on the reader's Vert.x context, one record after the
 * other (the next starts when the previous future completed, so per-symbol order holds), while
 * the reader thread waits: the batch's offsets may be committed only after this returns.
 */
final class HandlerRun {

  private static final long WAIT_SLICE_MS = 100;

  private HandlerRun() {
  }

  /**
   * Delivers {@code batch} and returns the records whose handler failed or threw. Returns early,
   * with the batch unfinished, when {@code running} turns false: the caller then commits nothing.
   */
  static List<StreamRecord> deliver(Context context, Function<StreamRecord, Future<?>> handler,
      List<StreamRecord> batch, BooleanSupplier running) throws InterruptedException {
    if (batch.isEmpty()) {
      return List.of();
    }
    List<StreamRecord> failures = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      Future<Void> chain = Future.succeededFuture();
      for (StreamRecord record : batch) {
        chain = chain.transform(previous -> apply(handler, record).transform(result -> {
          if (result.failed()) {
            failures.add(record);
          }
          return Future.<Void>succeededFuture();
        }));
      }
      chain.onComplete(ar -> done.complete(null));
    });
    while (running.getAsBoolean()) {
      try {
        // Completing the future publishes the handler thread's writes to this one.
        done.get(WAIT_SLICE_MS, TimeUnit.MILLISECONDS);
        return List.copyOf(failures);
      } catch (TimeoutException e) {
        // Still running: look at the stop flag again, so close() never waits on a stuck handler.
      } catch (ExecutionException e) {
        throw new IllegalStateException("handler chain failed", e.getCause());
      }
    }
    return List.of();
  }

  private static Future<?> apply(Function<StreamRecord, Future<?>> handler, StreamRecord record) {
    try {
      Future<?> result = handler.apply(record);
      return result == null ? Future.succeededFuture() : result;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
