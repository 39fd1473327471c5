package dev.tradingsystem.frameworks.runtime;

import static dev.tradingsystem.frameworks.runtime.ScriptedFramework.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.FrameworkDeployments;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service shell around the pipeline: roll call, stats, config failures, extra inputs, stop. */
@ExtendWith(VertxExtension.class)
class FrameworkVerticleTest {

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  @Test
  void answersTheRollCallAsATickParticipant(Vertx vertx, VertxTestContext ctx) {
    FrameworkDeployments.expectTickParticipant(vertx, ctx, new ScriptedFramework(), new DeploymentOptions());
  }

  @Test
  void servesTheRunReportStatsWithTheFrameworksOwnKeys(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new ScriptedFramework())
        .compose(id -> ServiceStats.fetch(vertx, SERVICE, 2_000))
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(stats.fieldNames()).contains("ticks", "intents", "approved", "rejected", "rejectedByCode",
              "errors", "failed", "portfolioTimeouts", "invalidInputs");
          assertThat(stats.getString("strategy")).isEqualTo(ScriptedFramework.STRATEGY_ID);
          assertThat(stats.getLong("ticks")).isZero();
          ctx.completeNow();
        })));
  }

  @Test
  void badConfigFailsTheDeploymentNamingTheKey(Vertx vertx, VertxTestContext ctx) {
    DeploymentOptions bad = new DeploymentOptions()
        .setConfig(new JsonObject().put("scripted", new JsonObject().put("portfolioWaitMillis", 0)));
    vertx.deployVerticle(new ScriptedFramework(), bad).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).hasMessageContaining("scripted.portfolioWaitMillis");
      ctx.completeNow();
    })));
  }

  @Test
  void anExtraInputRejectsThroughTheSameDeadLetterPath(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> ctx.verify(() -> {
      assertThat(msg.body().getReason()).isEqualTo("scripted-extra");
      assertThat(msg.body().getSource()).isEqualTo(SERVICE);
      assertThat(msg.body().getPayload()).isEqualTo("halt?");
      ServiceStats.fetch(vertx, SERVICE, 2_000).onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
        assertThat(stats.getLong("invalidInputs")).isEqualTo(1);
        ctx.completeNow();
      })));
    }));
    vertx.deployVerticle(new ScriptedFramework())
        .onComplete(ctx.succeeding(id -> vertx.eventBus().publish(ScriptedFramework.EXTRA_INPUT, "halt?")));
  }

  @Test
  void undeployingUnregistersEveryConsumer(Vertx vertx, VertxTestContext ctx) {
    List<String> addresses = List.of(Addresses.CONSENSUS, Addresses.PORTFOLIO_STATE, ScriptedFramework.EXTRA_INPUT,
        ServiceStats.address(SERVICE));
    vertx.deployVerticle(new ScriptedFramework())
        .compose(vertx::undeploy)
        .compose(v -> Future.all(addresses.stream().map(address -> failureOf(vertx, address)).toList()))
        .onComplete(ctx.succeeding(failures -> ctx.verify(() -> {
          assertThat(failures.<ReplyFailure>list()).containsOnly(ReplyFailure.NO_HANDLERS).hasSize(addresses.size());
          ctx.completeNow();
        })));
  }

  /** How a request to {@code address} fails: NO_HANDLERS once nobody listens there any more. */
  private static Future<ReplyFailure> failureOf(Vertx vertx, String address) {
    return vertx.eventBus().request(address, "anyone?", new DeliveryOptions().setSendTimeout(2_000))
        .transform(reply -> Future.succeededFuture(reply.cause() instanceof ReplyException e ? e.failureType() : null));
  }
}
