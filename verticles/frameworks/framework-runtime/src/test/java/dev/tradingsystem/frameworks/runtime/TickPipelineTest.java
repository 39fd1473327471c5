package dev.tradingsystem.frameworks.runtime;

import static dev.tradingsystem.frameworks.runtime.ScriptedFramework.SERVICE;
import static dev.tradingsystem.frameworks.runtime.ScriptedFramework.STRATEGY_ID;
import static dev.tradingsystem.frameworks.runtime.ScriptedFramework.consensus;
import static dev.tradingsystem.frameworks.runtime.ScriptedFramework.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.FrameworkDeployments;
import dev.tradingsystem.frameworks.runtime.testing.RecordingRiskGate;
import dev.tradingsystem.frameworks.runtime.testing.TickPlayer;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tick pipeline through a scripted framework on a local event bus, with a stand-in risk gate:
 * the portfolio wait and its deadline, the strategy guard, bad input, and the promise that every
 * tick is reported done, one after another.
 */
@ExtendWith(VertxExtension.class)
class TickPipelineTest {

  private TickPlayer player;

  @BeforeEach
  void setUp(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    player = new TickPlayer(vertx);
  }

  @Test
  void aTickWaitsForThePortfolioSnapshotOfItsSequence(Vertx vertx, VertxTestContext ctx) {
    ScriptedFramework framework = new ScriptedFramework();
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(() -> {
      vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(0));
      vertx.eventBus().publish(Addresses.CONSENSUS, consensus(1, 1000));
      vertx.setTimer(100, id -> {
        ctx.verify(() -> {
          assertThat(player.done()).isEmpty();
          assertThat(framework.events).containsExactly("observe-1");
        });
        vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(1));
      });
    });
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      TickDone done = player.done().get(0);
      assertThat(done.getSeq()).isEqualTo(1);
      assertThat(done.getIntents()).isEqualTo(1);
      assertThat(done.getParticipant()).isEqualTo(SERVICE);
      assertThat(done.getMeta().getTraceId()).isEqualTo("t-1");
      assertThat(framework.events).containsExactly("observe-1", "decide-1@1");
      assertThat(risk.checked()).extracting(OrderIntent::getIntentId).containsExactly(STRATEGY_ID + "-1");
      ctx.completeNow();
    }));
    deploy(vertx, risk, framework, new JsonObject()).onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void withoutItsSnapshotInTimeATickEndsWithZeroIntentsAndTheNextOneRuns(Vertx vertx, VertxTestContext ctx) {
    ScriptedFramework framework = new ScriptedFramework();
    List<Runnable> ticks = List.of(
        () -> vertx.eventBus().publish(Addresses.CONSENSUS, consensus(1, 1000)),
        () -> player.publish(state(2), consensus(2, 1000)));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, SERVICE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getSeq).containsExactly(1L, 2L);
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(0, 1);
          assertThat(framework.events).containsExactly("observe-1", "observe-2", "decide-2@2");
          assertThat(stats.getLong("portfolioTimeouts")).isEqualTo(1);
          assertThat(stats.getLong("ticks")).isEqualTo(2);
          assertThat(stats.getLong("intents")).isEqualTo(1);
          ctx.completeNow();
        }))));
    deploy(vertx, new RecordingRiskGate(RecordingRiskGate::approve), framework,
        new JsonObject().put("scripted", new JsonObject().put("portfolioWaitMillis", 50)))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aTickQueuedBehindATimedOutOneStillRunsOnTheVerticlesContext(Vertx vertx, VertxTestContext ctx) {
    ScriptedFramework framework = new ScriptedFramework();
    List<Runnable> ticks = List.of(
        () -> {
          vertx.eventBus().publish(Addresses.CONSENSUS, consensus(1, 1000));
          vertx.eventBus().publish(Addresses.CONSENSUS, consensus(2, 1000));
        },
        () -> vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(2)));
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(0, 1);
      assertThat(framework.events).containsExactly("observe-1", "observe-2", "decide-2@2");
      ctx.completeNow();
    }));
    deploy(vertx, new RecordingRiskGate(RecordingRiskGate::approve), framework,
        new JsonObject().put("scripted", new JsonObject().put("portfolioWaitMillis", 50)))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aThrowingStrategyIsCountedAndTheTickIsStillReported(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(
        () -> player.publish(state(1), consensus(1, 1000)),
        () -> player.publish(state(2), consensus(2, ScriptedFramework.FAILING_PRICE)),
        () -> player.publish(state(3), consensus(3, 1000)));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, SERVICE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(1, 0, 1);
          assertThat(player.done()).allSatisfy(d -> assertThat(d.getParticipant()).isEqualTo(SERVICE));
          assertThat(risk.checked()).extracting(intent -> intent.getMeta().getSeq()).containsExactly(1L, 3L);
          assertThat(stats.getLong("errors")).isEqualTo(1);
          assertThat(stats.getLong("ticks")).isEqualTo(3);
          ctx.completeNow();
        }))));
    deploy(vertx, risk, new ScriptedFramework(), new JsonObject()).onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void ticksRunOneAfterAnotherInArrivalOrder(Vertx vertx, VertxTestContext ctx) {
    ScriptedFramework framework = new ScriptedFramework();
    RecordingRiskGate risk = RecordingRiskGate.answering(intent -> {
      long seq = intent.getMeta().getSeq();
      if (seq != 1) {
        framework.events.add("answer-" + seq);
        return Future.succeededFuture(RecordingRiskGate.approve(intent));
      }
      // The first answer comes late: overlapping ticks would observe and decide 2 and 3 meanwhile.
      Promise<RiskDecision> late = Promise.promise();
      vertx.setTimer(100, id -> {
        framework.events.add("answer-1");
        late.complete(RecordingRiskGate.approve(intent));
      });
      return late.future();
    });
    Runnable nothing = () -> {
    };
    List<Runnable> ticks = List.of(() -> {
      for (long seq = 1; seq <= 3; seq++) {
        player.publish(state(seq), consensus(seq, 1000));
      }
    }, nothing, nothing);
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      assertThat(player.done()).extracting(TickDone::getSeq).containsExactly(1L, 2L, 3L);
      assertThat(framework.events).map(event -> event.replaceAll("@.*", "")).containsExactly(
          "observe-1", "decide-1", "answer-1", "observe-2", "decide-2", "answer-2", "observe-3", "decide-3", "answer-3");
      assertThat(risk.checked()).extracting(OrderIntent::getIntentId)
          .containsExactly(STRATEGY_ID + "-1", STRATEGY_ID + "-2", STRATEGY_ID + "-3");
      ctx.completeNow();
    }));
    deploy(vertx, risk, framework, new JsonObject()).onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aTickDecidesOnTheNewestSnapshotEvenWhenAnOlderOneArrivesLate(Vertx vertx, VertxTestContext ctx) {
    ScriptedFramework framework = new ScriptedFramework();
    List<Runnable> ticks = List.of(() -> {
      vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(2));
      player.publish(state(1), consensus(1, 1000));
    });
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      assertThat(framework.events).containsExactly("observe-1", "decide-1@2");
      ctx.completeNow();
    }));
    deploy(vertx, new RecordingRiskGate(RecordingRiskGate::approve), framework, new JsonObject())
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void anUnansweredRiskCheckFailsAtItsDeadlineAndTheQueuedTickRunsOnTheVerticlesContext(Vertx vertx,
      VertxTestContext ctx) {
    ScriptedFramework framework = new ScriptedFramework();
    RecordingRiskGate silent = RecordingRiskGate.answering(intent -> Promise.<RiskDecision>promise().future());
    Runnable nothing = () -> {
    };
    List<Runnable> ticks = List.of(() -> {
      player.publish(state(1), consensus(1, 1000));
      player.publish(state(2), consensus(2, 1000));
    }, nothing);
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, SERVICE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(1, 1);
          assertThat(framework.events).containsExactly("observe-1", "decide-1@1", "observe-2", "decide-2@2");
          assertThat(silent.checked()).hasSize(2);
          assertThat(stats.getLong("failed")).isEqualTo(2);
          assertThat(stats.getLong("approved")).isZero();
          assertThat(stats.getLong("rejected")).isZero();
          ctx.completeNow();
        }))));
    deploy(vertx, silent, framework,
        new JsonObject().put("scripted", new JsonObject().put("riskTimeoutMillis", 50)))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void badInputIsDeadLetteredCountedAndBadTicksAreStillReported(Vertx vertx, VertxTestContext ctx) {
    ScriptedFramework framework = new ScriptedFramework();
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> letters.add(msg.body()));
    Consensus unknownSymbol = consensus(1, 1000).toBuilder().setSymbol("")
        .setFeatures(consensus(1, 1000).getFeatures().toBuilder()
            .setInstrument(consensus(1, 1000).getFeatures().getInstrument().toBuilder().setSymbol("btc-usd"))).build();
    Consensus negativeVolatility = consensus(2, 1000).toBuilder()
        .setFeatures(consensus(2, 1000).getFeatures().toBuilder().setVolatility(-0.5)).build();
    List<Runnable> ticks = List.of(
        () -> {
          vertx.eventBus().publish(Addresses.CONSENSUS, new JsonObject().put("not", "a consensus"));
          vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, "garbage");
          player.publish(state(1), unknownSymbol);
        },
        () -> player.publish(state(2), negativeVolatility),
        () -> player.publish(state(3), consensus(3, 1000)));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, SERVICE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getSeq).containsExactly(1L, 2L, 3L);
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(0, 0, 1);
          assertThat(letters).extracting(DeadLetter::getReason).containsExactly(
              "unexpected-message", "invalid-portfolio-state", "unknown-symbol", "invalid-features");
          assertThat(letters).allSatisfy(letter -> assertThat(letter.getSource()).isEqualTo(SERVICE));
          assertThat(letters.get(2).getMeta().getSeq()).isEqualTo(1);
          assertThat(framework.events).containsExactly("observe-3", "decide-3@3");
          assertThat(stats.getLong("invalidInputs")).isEqualTo(4);
          assertThat(stats.getLong("ticks")).isEqualTo(3);
          ctx.completeNow();
        }))));
    deploy(vertx, new RecordingRiskGate(RecordingRiskGate::approve), framework, new JsonObject())
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  private static Future<String> deploy(Vertx vertx, RecordingRiskGate risk, ScriptedFramework framework,
      JsonObject config) {
    return FrameworkDeployments.behindRiskGate(vertx, risk, framework, new DeploymentOptions().setConfig(config));
  }
}
