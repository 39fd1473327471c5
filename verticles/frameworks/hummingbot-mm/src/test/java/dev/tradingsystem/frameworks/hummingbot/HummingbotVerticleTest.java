package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingContext;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.runtime.testing.FrameworkDeployments;
import dev.tradingsystem.frameworks.runtime.testing.RecordingRiskGate;
import dev.tradingsystem.frameworks.runtime.testing.TickPlayer;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
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

  private TickPlayer player;

  @BeforeEach
  void setUp(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    player = new TickPlayer(vertx);
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
        () -> player.publish(Fixtures.state(1), Fixtures.neutral(1, 1000)),
        () -> player.publish(bothResting, Fixtures.neutral(2, 1000)),
        () -> {
          vertx.eventBus().publish(Addresses.RISK_STATUS, TradingStatus.newBuilder().setMeta(Fixtures.meta(3))
              .setState(TradingState.HALTED).setReason("drawdown").build());
          player.publish(bothResting.toBuilder().setMeta(Fixtures.meta(3)).build(), Fixtures.neutral(3, 1000));
        });
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.HUMMINGBOT, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getSeq).containsExactly(1L, 2L, 3L);
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(2, 0, 2);
          assertThat(player.done()).allSatisfy(d -> assertThat(d.getParticipant()).isEqualTo(ServiceNames.HUMMINGBOT));
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
    FrameworkDeployments.behindRiskGate(vertx, risk, new HummingbotVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aTickWaitsForThePortfolioSnapshotOfItsSequence(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(() -> {
      vertx.eventBus().publish(Addresses.CONSENSUS, Fixtures.neutral(1, 1000));
      vertx.setTimer(100, id -> {
        ctx.verify(() -> assertThat(player.done()).isEmpty());
        vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, Fixtures.state(1));
      });
    });
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      assertThat(player.done()).singleElement().satisfies(d -> assertThat(d.getIntents()).isEqualTo(2));
      ctx.completeNow();
    }));
    FrameworkDeployments.behindRiskGate(vertx, risk, new HummingbotVerticle(), CONFIG)
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
        () -> player.publish(Fixtures.state(1), Fixtures.neutral(1, 1000)),
        () -> player.publish(Fixtures.state(2), Fixtures.neutral(2, 1000)));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.HUMMINGBOT, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(0, 0);
          assertThat(stats.getLong("errors")).isEqualTo(2);
          assertThat(stats.getLong("intents")).isZero();
          ctx.completeNow();
        }))));
    FrameworkDeployments.behindRiskGate(vertx, new RecordingRiskGate(RecordingRiskGate::approve),
            new HummingbotVerticle(config -> broken), CONFIG)
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
          player.publish(Fixtures.state(1), negativeVolatility);
        },
        () -> player.publish(Fixtures.state(2), Fixtures.neutral(2, 1000)));
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(0, 2);
      assertThat(letters).extracting(DeadLetter::getReason)
          .containsExactly("invalid-trading-status", "unexpected-message", "invalid-features");
      ctx.completeNow();
    }));
    FrameworkDeployments.behindRiskGate(vertx, new RecordingRiskGate(RecordingRiskGate::approve),
            new HummingbotVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void answersTheRollCallAsATickParticipant(Vertx vertx, VertxTestContext ctx) {
    FrameworkDeployments.expectTickParticipant(vertx, ctx, new HummingbotVerticle(), CONFIG);
  }
}
