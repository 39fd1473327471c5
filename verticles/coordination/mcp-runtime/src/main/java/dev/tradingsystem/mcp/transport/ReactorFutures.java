package dev.tradingsystem.mcp.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Crossings between the SDK's Reactor types and Vert.x futures without ever blocking a thread:
 * a {@link Mono} is subscribed (never {@code block()}ed) and its signal is delivered on a chosen
 * Vert.x context, and a Vert.x future becomes a {@link Mono} that emits when the future completes.
 */
public final class ReactorFutures {

  private ReactorFutures() {
  }

  /** A subscribed {@link Mono} whose outcome arrives on a Vert.x context. */
  public record Subscription<T>(Future<T> future, Disposable disposable) {
  }

  /**
   * Subscribes to {@code mono} and completes the returned future on {@code context}: directly when the
   * Mono signals on that context's thread (the usual case, the SDK's handlers are synchronous Monos),
   * else by hopping with {@link Context#runOnContext}. An empty Mono completes with null.
   */
  public static <T> Subscription<T> subscribeOn(Mono<T> mono, Context context) {
    Promise<T> promise = Promise.promise();
    AtomicBoolean done = new AtomicBoolean();
    Disposable disposable = mono.subscribe(
        value -> {
          if (done.compareAndSet(false, true)) {
            onContext(context, () -> promise.complete(value));
          }
        },
        failure -> {
          if (done.compareAndSet(false, true)) {
            onContext(context, () -> promise.fail(failure));
          }
        },
        () -> {
          if (done.compareAndSet(false, true)) {
            onContext(context, () -> promise.complete(null));
          }
        });
    return new Subscription<>(promise.future(), disposable);
  }

  /**
   * A Mono that runs {@code call} on {@code context} when subscribed and emits its result: how a
   * Vert.x handler (bound to its verticle's context) serves a request that arrived on another event
   * loop. A null result completes the Mono empty; a synchronous throw fails it.
   */
  public static <T> Mono<T> fromFuture(Context context, Supplier<Future<T>> call) {
    return Mono.create(sink -> onContext(context, () -> {
      Future<T> future;
      try {
        future = call.get();
      } catch (RuntimeException e) {
        sink.error(e);
        return;
      }
      future.onComplete(result -> {
        if (result.failed()) {
          sink.error(result.cause());
        } else if (result.result() == null) {
          sink.success();
        } else {
          sink.success(result.result());
        }
      });
    }));
  }

  /** Runs {@code action} now when already on {@code context}, else schedules it there. */
  public static void onContext(Context context, Runnable action) {
    if (context == null || Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
