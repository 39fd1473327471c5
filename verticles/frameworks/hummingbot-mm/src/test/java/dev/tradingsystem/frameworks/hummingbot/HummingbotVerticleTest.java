package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingContext;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
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
 * The verticle on a local event bus with a stand-in risk gate: the test plays data-collector,
 * portfolio, coordinator and risk status, publishing each tick's snapshot and consensus after the
 * previous tick was reported done, exactly as the replay barrier does.
 */
@ExtendWith(VertxExtension.class)
class HummingbotVerticleTest {

  private static final String ME = AvellanedaStoikovMaker.ID;
  private static final DeploymentOptions CONFIG = new DeploymentOptions()
      .setConfig(new JsonObject().put("hummingbot", new JsonObject().put("orderRefreshTicks", 1)));

  private final List<TickDone> done = new CopyOnWriteArrayList<>();

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  @Test
  void quotesFromTheSnapshotOfEachTickAndCancelsWhenTradingHalts(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(intent -> intent.getSide() == Side.SELL
        && intent.getKind() == IntentKind.NEW_ORDER
        ? RecordingRiskGate.reject(intent, RejectCode.POSITION_LIMIT) : RecordingRiskGate.approve(intent));
    PortfolioState bothResting = Fixtures.state(2).toBuilder()
        .addOpenOrders(Fixtures.quote("o-" + ME + "-1", ME, Side.BUY, 99_785))
        .addOpenOrders(Fixtures.quote("o-" + ME + "-2", ME, Side.SELL, 100_215)).build();
    List<Runnable> ticks = List.of(
        () -> publish(vertx, Fixtures.state(1), Fixtures.neutral(1, 1000)),
        () -> publish(vertx, bothResting, Fixtures.neutral(2, 1000)),
        () -> {
          vertx.eventBus().publish(Addresses.RISK_STATUS, TradingStatus.newBuilder().setMeta(Fixtures.meta(3))
              .setState(TradingState.HALTED).setReason("drawdown").build());
          publish(vertx, bothResting.toBuilder().setMeta(Fixtures.meta(3)).build(), Fixtures.neutral(3, 1000));
        });
    playTicks(vertx, ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.HUMMINGBOT, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(done).extracting(TickDone::getSeq).containsExactly(1L, 2L, 3L);
          assertThat(done).extracting(TickDone::getIntents).containsExactly(2, 0, 2);
          assertThat(done).allSatisfy(d -> assertThat(d.getParticipant()).isEqualTo(ServiceNames.HUMMINGBOT));
          assertThat(risk.checked()).extracting(OrderIntent::getKind).containsExactly(
              IntentKind.NEW_ORDER, IntentKind.NEW_ORDER, IntentKind.CANCEL_ORDER, IntentKind.CANCEL_ORDER);
          assertThat(risk.checked()).extracting(OrderIntent::getIntentId).containsExactly(
              ME + "-1", ME + "-2", ME + "-3", ME + "-4");
          assertThat(risk.checked().get(2).getCancelOrderId()).isEqualTo("o-" + ME + "-1");
          assertThat(risk.checked().get(0).getMeta().getSeq()).isEqualTo(1);
          assertThat(stats.getLong("ticks")).isEqualTo(3);
          assertThat(stats.getLong("intents")).isEqualTo(4);
          assertThat(stats.getLong("approved")).isEqualTo(3);
          assertThat(stats.getLong("rejected")).isEqualTo(1);
          assertThat(stats.getJsonObject("rejectedByCode").getLong("POSITION_LIMIT")).isEqualTo(1);
          assertThat(stats.getString("tradingState")).isEqualTo("HALTED");
          ctx.completeNow();
        }))));
    vertx.deployVerticle(risk).compose(id -> vertx.deployVerticle(new HummingbotVerticle(), CONFIG))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aTickWaitsForThePortfolioSnapshotOfItsSequence(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(() -> {
      vertx.eventBus().publish(Addresses.CONSENSUS, Fixtures.neutral(1, 1000));
      vertx.setTimer(100, id -> {
        ctx.verify(() -> assertThat(done).isEmpty());
        vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, Fixtures.state(1));
      });
    });
    playTicks(vertx, ctx, ticks, () -> ctx.verify(() -> {
      assertThat(done).singleElement().satisfies(d -> assertThat(d.getIntents()).isEqualTo(2));
      ctx.completeNow();
    }));
    vertx.deployVerticle(risk).compose(id -> vertx.deployVerticle(new HummingbotVerticle(), CONFIG))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aThrowingStrategyIsCountedAndTheTickIsStillReported(Vertx vertx, VertxTestContext ctx) {
    QuotingStrategy broken = new QuotingStrategy() {
      @Override
      public String id() {
        return ME;
      }

      @Override
      public List<OrderIntent> onTick(QuotingContext context) {
        throw new IllegalStateException("volatility model diverged");
      }
    };
    List<Runnable> ticks = List.of(
        () -> publish(vertx, Fixtures.state(1), Fixtures.neutral(1, 1000)),
        () -> publish(vertx, Fixtures.state(2), Fixtures.neutral(2, 1000)));
    playTicks(vertx, ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.HUMMINGBOT, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(done).extracting(TickDone::getIntents).containsExactly(0, 0);
          assertThat(stats.getLong("errors")).isEqualTo(2);
          assertThat(stats.getLong("intents")).isZero();
          ctx.completeNow();
        }))));
    vertx.deployVerticle(new RecordingRiskGate(RecordingRiskGate::approve))
        .compose(id -> vertx.deployVerticle(new HummingbotVerticle(config -> broken), CONFIG))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void badInputIsDeadLetteredAndTheServiceKeepsQuoting(Vertx vertx, VertxTestContext ctx) {
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> letters.add(msg.body()));
    Consensus negativeVolatility = Fixtures.neutral(1, 1000).toBuilder()
        .setFeatures(Fixtures.features(1, 1000, -0.5, 0.5)).build();
    List<Runnable> ticks = List.of(
        () -> {
          vertx.eventBus().publish(Addresses.RISK_STATUS, TradingStatus.newBuilder().setMeta(Fixtures.meta(1)).build());
          vertx.eventBus().publish(Addresses.CONSENSUS, "{}");
          publish(vertx, Fixtures.state(1), negativeVolatility);
        },
        () -> publish(vertx, Fixtures.state(2), Fixtures.neutral(2, 1000)));
    playTicks(vertx, ctx, ticks, () -> ctx.verify(() -> {
      assertThat(done).extracting(TickDone::getIntents).containsExactly(0, 2);
      assertThat(letters).extracting(DeadLetter::getReason)
          .containsExactly("invalid-trading-status", "unexpected-message", "invalid-features");
      ctx.completeNow();
    }));
    vertx.deployVerticle(new RecordingRiskGate(RecordingRiskGate::approve))
        .compose(id -> vertx.deployVerticle(new HummingbotVerticle(), CONFIG))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void answersTheRollCallAsATickParticipant(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new HummingbotVerticle(), CONFIG)
        .compose(id -> RollCall.await(vertx, List.of(ServiceNames.HUMMINGBOT), 20, 5_000))
        .onComplete(ctx.succeeding(present -> ctx.verify(() -> {
          ServiceAnnouncement me = present.get(ServiceNames.HUMMINGBOT);
          assertThat(me.getTickParticipant()).isTrue();
          ctx.completeNow();
        })));
  }

  /** Runs tick i+1 when tick i was reported done; runs {@code end} after the last. */
  private void playTicks(Vertx vertx, VertxTestContext ctx, List<Runnable> ticks, Runnable end) {
    vertx.eventBus().<TickDone>consumer(Addresses.REPLAY_TICK_DONE, msg -> {
      done.add(msg.body());
      if (done.size() < ticks.size()) {
        ticks.get(done.size()).run();
      } else if (done.size() == ticks.size()) {
        end.run();
      } else {
        ctx.failNow(new AssertionError("more ticks reported than played: " + done));
      }
    });
  }

  private static void publish(Vertx vertx, PortfolioState state, Consensus consensus) {
    vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state);
    vertx.eventBus().publish(Addresses.CONSENSUS, consensus);
  }
}
