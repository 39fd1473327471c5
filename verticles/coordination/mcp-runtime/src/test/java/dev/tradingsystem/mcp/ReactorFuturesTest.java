package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.mcp.transport.ReactorFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@ExtendWith(VertxExtension.class)
class ReactorFuturesTest {

  @Test
  void aMonoSignallingOnAReactorThreadIsDeliveredOnTheVertxContext(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    Mono<String> elsewhere = Mono.just("fill").delayElement(Duration.ofMillis(5), Schedulers.parallel());

    context.runOnContext(v -> ReactorFutures.subscribeOn(elsewhere, context).future()
        .onComplete(ctx.succeeding(value -> ctx.verify(() -> {
          assertThat(value).isEqualTo("fill");
          assertThat(Vertx.currentContext()).isSameAs(context);
          ctx.completeNow();
        }))));
  }

  @Test
  void anEmptyMonoCompletesWithNullAndAnErrorFails(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    ReactorFutures.subscribeOn(Mono.<String>empty(), context).future()
        .compose(nothing -> {
          ctx.verify(() -> assertThat(nothing).isNull());
          return ReactorFutures.subscribeOn(Mono.<String>error(new IllegalStateException("halted")), context).future();
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).hasMessage("halted");
          ctx.completeNow();
        })));
  }

  @Test
  void fromFutureRunsTheCallOnTheGivenContext(Vertx vertx, VertxTestContext ctx) {
    Context owner = vertx.getOrCreateContext();
    AtomicBoolean onOwner = new AtomicBoolean();

    ReactorFutures.subscribeOn(ReactorFutures.fromFuture(owner, () -> {
      onOwner.set(Vertx.currentContext() == owner);
      return Future.succeededFuture(42);
    }), owner).future().onComplete(ctx.succeeding(value -> ctx.verify(() -> {
      assertThat(value).isEqualTo(42);
      assertThat(onOwner).isTrue();
      ctx.completeNow();
    })));
  }

  @Test
  void aThrowingCallFailsTheMono(Vertx vertx, VertxTestContext ctx) {
    Context owner = vertx.getOrCreateContext();

    ReactorFutures.subscribeOn(ReactorFutures.<Integer>fromFuture(owner, () -> {
      throw new IllegalArgumentException("no such book");
    }), owner).future().onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessage("no such book");
      ctx.completeNow();
    })));
  }
}
