package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuoteIntents;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingContext;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.runtime.testing.FrameworkDeployments;
import dev.tradingsystem.frameworks.runtime.testing.RecordingRiskGate;
import dev.tradingsystem.frameworks.runtime.testing.TickPlayer;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskAlert;
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
      .setConfig(new JsonObject().put("hummingbot", new JsonObject().put("strategy", new JsonObject()
          .put("as-mm", new JsonObject().put("orderRefreshTime", 10)))));

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
          assertThat(stats.getLong("errors")).isZero();
          assertThat(stats.getJsonObject("strategies").getJsonObject(ME).getLong("intents")).isEqualTo(4);
          assertThat(stats.getJsonObject("strategies").getJsonObject(ME).getBoolean("paused")).isFalse();
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

  /** A strategy whose model is broken: every decision throws. */
  private static QuotingStrategy broken(String id) {
    return new QuotingStrategy() {
      private final QuoteIntents intents = new QuoteIntents(id);

      @Override
      public String id() {
        return id;
      }

      @Override
      public List<OrderIntent> onTick(QuotingContext context) {
        throw new IllegalStateException("volatility model diverged");
      }

      @Override
      public QuoteIntents intents() {
        return intents;
      }
    };
  }

  @Test
  void aThrowingStrategyIsCountedAndTheTickIsStillReported(Vertx vertx, VertxTestContext ctx) {
    QuotingStrategy broken = broken(ME);
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
            new HummingbotVerticle(config -> List.of(broken)), CONFIG)
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
  void aStrategyThatKeepsThrowingIsPausedAndTheOthersKeepQuoting(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    DeploymentOptions pauseAtOnce = new DeploymentOptions().setConfig(new JsonObject().put("hummingbot",
        new JsonObject().put("pauseAfterErrors", 2).put("errorWindow", 4)));
    List<Runnable> ticks = List.of(
        () -> player.publish(Fixtures.state(1), Fixtures.neutral(1, 1000)),
        () -> player.publish(Fixtures.state(2), Fixtures.neutral(2, 1000)),
        () -> player.publish(Fixtures.state(3), Fixtures.neutral(3, 1000)));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.HUMMINGBOT, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(2, 0, 0);
          assertThat(risk.checked()).extracting(OrderIntent::getStrategyId).containsOnly(ME);
          JsonObject broken = stats.getJsonObject("strategies").getJsonObject("hummingbot-mm.broken");
          assertThat(broken.getBoolean("paused")).isTrue();
          assertThat(broken.getLong("errors")).isEqualTo(2);
          assertThat(broken.getString("pauseReason")).contains("volatility model diverged");
          assertThat(stats.getLong("errors")).isEqualTo(2);
          assertThat(stats.getJsonObject("strategies").getJsonObject(ME).getBoolean("paused")).isFalse();
          ctx.completeNow();
        }))));
    FrameworkDeployments.behindRiskGate(vertx, risk,
            new HummingbotVerticle(config -> List.of(broken("hummingbot-mm.broken"), config.buildStrategies().get(0))),
            pauseAtOnce)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void riskAlertsWidenOrPullTheQuotesOfTheirSymbol(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> letters.add(msg.body()));
    List<Runnable> ticks = List.of(
        () -> {
          vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setMeta(Fixtures.meta(1))
              .setSeverity(AlertSeverity.WARNING).setCode("STALE_MARKET_DATA").setSymbol("BTC/USD").build());
          vertx.eventBus().publish(Addresses.RISK_ALERTS, "not an alert");
          player.publish(Fixtures.state(1), Fixtures.neutral(1, 1000));
        },
        () -> {
          vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setMeta(Fixtures.meta(2))
              .setSeverity(AlertSeverity.CRITICAL).setCode("VENUE_DOWN").build());
          player.publish(Fixtures.state(2).toBuilder()
              .addOpenOrders(Fixtures.quote("o-" + ME + "-1", ME, Side.BUY, 99_570))
              .addOpenOrders(Fixtures.quote("o-" + ME + "-2", ME, Side.SELL, 100_430)).build(),
              Fixtures.neutral(2, 1000));
        });
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      // Spread 4.2907704228 widened ×2 around 1000: 995.709... / 1004.290... rounded away from the mid.
      assertThat(risk.checked()).extracting(OrderIntent::getKind, OrderIntent::getPrice).containsExactly(
          tuple(IntentKind.NEW_ORDER, 99_570L), tuple(IntentKind.NEW_ORDER, 100_430L),
          tuple(IntentKind.CANCEL_ORDER, 99_570L), tuple(IntentKind.CANCEL_ORDER, 100_430L));
      assertThat(risk.checked().get(2).getReason()).isEqualTo("cancel bid: risk alert STALE_MARKET_DATA,VENUE_DOWN");
      assertThat(letters).extracting(DeadLetter::getReason).containsExactly("invalid-risk-alert");
      ctx.completeNow();
    }));
    FrameworkDeployments.behindRiskGate(vertx, risk, new HummingbotVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aConsensusWithHaircutHalfHalvesTheNextQuotes(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(
        () -> player.publish(Fixtures.state(1), Fixtures.neutral(1, 1000).toBuilder().setSizeHaircut(0.5).build()));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.HUMMINGBOT, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          // A-S quotes 0.05 BTC by default: halved to 0.025, at the prices of an uncut quote.
          assertThat(risk.checked()).extracting(OrderIntent::getSide, OrderIntent::getPrice, OrderIntent::getQuantity)
              .containsExactly(tuple(Side.BUY, 99_785L, 2_500_000L), tuple(Side.SELL, 100_215L, 2_500_000L));
          assertThat(risk.checked()).allSatisfy(i -> assertThat(i.getReason()).endsWith("(haircut 0.50)"));
          assertThat(stats.getLong("quotesCutByRisk")).isEqualTo(2);
          assertThat(stats.getLong("quotesSkippedByRisk")).isZero();
          ctx.completeNow();
        }))));
    FrameworkDeployments.behindRiskGate(vertx, risk, new HummingbotVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void answersTheRollCallAsATickParticipant(Vertx vertx, VertxTestContext ctx) {
    FrameworkDeployments.expectTickParticipant(vertx, ctx, new HummingbotVerticle(), CONFIG);
  }
}
