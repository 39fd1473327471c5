package dev.tradingsystem.frameworks.freqtrade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.ONE_BTC;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.strategy.EntrySignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.ExitSignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.MomentumStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.OpenTrade;
import dev.tradingsystem.frameworks.freqtrade.strategy.ParameterSpace;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyDefaults;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.runtime.testing.FrameworkDeployments;
import dev.tradingsystem.frameworks.runtime.testing.RecordingRiskGate;
import dev.tradingsystem.frameworks.runtime.testing.TickPlayer;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAction;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verticle on a local event bus with a stand-in risk gate: the test plays data-collector,
 * portfolio and coordinator, publishing each tick's snapshot and consensus after the previous
 * tick was reported done, exactly as the replay barrier does.
 */
@ExtendWith(VertxExtension.class)
class FreqtradeVerticleTest {

  private static final DeploymentOptions CONFIG = options(new JsonObject()
      .put("momentum", new JsonObject().put("stakeAmount", 1000).put("fee", 0)));

  /** Strategies that break: on even sequence numbers, or on every row. */
  private static final Strategies CATALOG = Strategies.builtIn()
      .with("even-thrower", ParameterSpace.EMPTY, parameters -> new ThrowsOnEvenTicks())
      .with("thrower", ParameterSpace.EMPTY, parameters -> ScriptedStrategy.throwing());

  private static DeploymentOptions options(JsonObject strategies) {
    return options(strategies, new JsonObject());
  }

  private static DeploymentOptions options(JsonObject strategies, JsonObject service) {
    return new DeploymentOptions().setConfig(new JsonObject()
        .put("frameworks", new JsonObject().put("freqtrade", service.copy().put("strategies", strategies))));
  }

  private TickPlayer player;

  @BeforeEach
  void setUp(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    player = new TickPlayer(vertx);
  }

  @Test
  void decidesOnEveryConsensusFromTheSnapshotOfItsTickAndReportsEveryTick(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(intent -> intent.getMeta().getSeq() == 4
        ? RecordingRiskGate.reject(intent, RejectCode.STRATEGY_BUDGET) : RecordingRiskGate.approve(intent));
    List<Runnable> ticks = List.of(
        () -> player.publish(Fixtures.state(1), Fixtures.bullish(1, T0_US, 1000.00)),
        () -> player.publish(Fixtures.holding(2, "freqtrade-hft.momentum", ONE_BTC, 1_000_000_000L).build(),
            Fixtures.flat(2, T0_US + MINUTE_US, 1010.01)),
        () -> player.publish(Fixtures.state(3), Fixtures.flat(3, T0_US + 2 * MINUTE_US, 1010.01)),
        () -> {
          // The consensus overtakes its snapshot: the tick must wait for it.
          vertx.eventBus().publish(Addresses.CONSENSUS, Fixtures.bullish(4, T0_US + 3 * MINUTE_US, 1000.00));
          vertx.setTimer(100, id -> {
            ctx.verify(() -> assertThat(player.done()).hasSize(3));
            vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, Fixtures.state(4));
          });
        });
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.FREQTRADE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getSeq).containsExactly(1L, 2L, 3L, 4L);
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(1, 1, 0, 1);
          assertThat(player.done()).allSatisfy(d -> assertThat(d.getParticipant()).isEqualTo(ServiceNames.FREQTRADE));
          assertThat(player.done().get(0).getMeta().getTraceId()).isEqualTo("t-1");
          assertThat(risk.checked()).extracting(OrderIntent::getIntentId).containsExactly(
              "freqtrade-hft.momentum-1", "freqtrade-hft.momentum-2", "freqtrade-hft.momentum-3");
          assertThat(risk.checked()).extracting(OrderIntent::getSide).containsExactly(Side.BUY, Side.SELL, Side.BUY);
          assertThat(risk.checked().get(1).getReason()).isEqualTo("exit:roi");
          assertThat(risk.checked().get(1).getReduceOnly()).isTrue();
          assertThat(stats.getLong("ticks")).isEqualTo(4);
          assertThat(stats.getLong("intents")).isEqualTo(3);
          assertThat(stats.getLong("approved")).isEqualTo(2);
          assertThat(stats.getLong("rejected")).isEqualTo(1);
          assertThat(stats.getJsonObject("rejectedByCode").getLong("STRATEGY_BUDGET")).isEqualTo(1);
          assertThat(stats.getLong("errors")).isZero();
          ctx.completeNow();
        }))));
    FrameworkDeployments.behindRiskGate(vertx, risk, new FreqtradeVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void aThrowingStrategyIsCountedAndTheTickIsStillReported(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(
        () -> player.publish(Fixtures.state(1), Fixtures.bullish(1, T0_US, 1000)),
        () -> player.publish(Fixtures.state(2), Fixtures.bullish(2, T0_US + 1, 1000)),
        () -> player.publish(Fixtures.state(3), Fixtures.bullish(3, T0_US + 2, 1000)));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.FREQTRADE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getSeq).containsExactly(1L, 2L, 3L);
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(1, 0, 1);
          assertThat(risk.checked()).extracting(OrderIntent::getMeta).extracting(m -> m.getSeq()).containsExactly(1L, 3L);
          assertThat(stats.getLong("errors")).isEqualTo(1);
          assertThat(stats.getLong("ticks")).isEqualTo(3);
          ctx.completeNow();
        }))));
    FrameworkDeployments.behindRiskGate(vertx, risk, new FreqtradeVerticle(CATALOG),
            options(new JsonObject().put("momentum", new JsonObject().put("strategy", "even-thrower"))))
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void withoutARiskGateTheIntentFailsAndTheTickIsStillReported(Vertx vertx, VertxTestContext ctx) {
    List<Runnable> ticks = List.of(() -> player.publish(Fixtures.state(1), Fixtures.bullish(1, T0_US, 1000)));
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.FREQTRADE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).singleElement().satisfies(d -> assertThat(d.getIntents()).isEqualTo(1));
          assertThat(stats.getLong("failed")).isEqualTo(1);
          assertThat(stats.getLong("approved")).isZero();
          ctx.completeNow();
        }))));
    vertx.deployVerticle(new FreqtradeVerticle(), CONFIG).onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void badInputIsDeadLetteredAndTheServiceKeepsDeciding(Vertx vertx, VertxTestContext ctx) {
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> letters.add(msg.body()));
    Consensus nanPrice = Fixtures.bullish(1, T0_US, 1000).toBuilder()
        .setFeatures(Fixtures.features(1, T0_US, Double.NaN, 1, 0.5)).build();
    List<Runnable> ticks = List.of(
        () -> {
          vertx.eventBus().publish(Addresses.CONSENSUS, new JsonObject().put("not", "a consensus"));
          vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, "garbage");
          player.publish(Fixtures.state(1), nanPrice);
        },
        () -> player.publish(Fixtures.state(2), Fixtures.bullish(2, T0_US + 1, 1000)));
    player.play(ctx, ticks, () -> ctx.verify(() -> {
      assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(0, 1);
      assertThat(letters).extracting(DeadLetter::getReason)
          .containsExactly("unexpected-message", "invalid-portfolio-state", "invalid-price");
      assertThat(letters).allSatisfy(l -> assertThat(l.getSource()).isEqualTo(ServiceNames.FREQTRADE));
      ctx.completeNow();
    }));
    FrameworkDeployments.behindRiskGate(vertx, new RecordingRiskGate(RecordingRiskGate::approve),
            new FreqtradeVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void answersTheRollCallAsATickParticipant(Vertx vertx, VertxTestContext ctx) {
    FrameworkDeployments.expectTickParticipant(vertx, ctx, new FreqtradeVerticle(), CONFIG);
  }

  @Test
  void badConfigFailsTheDeploymentNamingTheKey(Vertx vertx, VertxTestContext ctx) {
    DeploymentOptions bad = options(new JsonObject().put("momentum", new JsonObject().put("orderType", "stop")));
    vertx.deployVerticle(new FreqtradeVerticle(), bad).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).hasMessageContaining("frameworks.freqtrade.strategies.momentum.orderType");
      ctx.completeNow();
    })));
  }

  @Test
  void aStrategyThatKeepsThrowingIsPausedWhileTheOtherKeepsTrading(Vertx vertx, VertxTestContext ctx) {
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = new ArrayList<>();
    for (int seq = 1; seq <= 5; seq++) {
      long n = seq;
      ticks.add(() -> player.publish(Fixtures.state(n), Fixtures.bullish(n, T0_US + n * MINUTE_US, 1000)));
    }
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.FREQTRADE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(1, 1, 1, 1, 1);
          assertThat(risk.checked()).extracting(OrderIntent::getIntentId).containsExactly("freqtrade-hft.steady-1",
              "freqtrade-hft.steady-2", "freqtrade-hft.steady-3", "freqtrade-hft.steady-4", "freqtrade-hft.steady-5");
          JsonObject broken = stats.getJsonObject("strategies").getJsonObject("freqtrade-hft.broken");
          assertThat(broken.getLong("errors")).as("paused after 3 errors, not asked again").isEqualTo(3);
          assertThat(broken.getBoolean("paused")).isTrue();
          assertThat(broken.getString("pausedReason")).contains("bug in populate_entry_trend");
          assertThat(stats.getJsonObject("strategies").getJsonObject("freqtrade-hft.steady").getBoolean("paused"))
              .isFalse();
          assertThat(stats.getJsonArray("paused")).containsExactly("freqtrade-hft.broken");
          assertThat(stats.getLong("errors")).isEqualTo(3);
          assertThat(TradingMetrics.registry().get("trading_framework_strategy_paused")
              .tag("strategy", "freqtrade-hft.broken").gauge().value()).isEqualTo(1.0);
          assertThat(TradingMetrics.registry().get("trading_framework_errors")
              .tag("strategy", "freqtrade-hft.broken").counter().count()).isEqualTo(3.0);
          ctx.completeNow();
        }))));
    DeploymentOptions twoStrategies = options(new JsonObject()
            .put("steady", new JsonObject().put("strategy", "momentum").put("maxOpenTrades", 10))
            .put("broken", new JsonObject().put("strategy", "thrower")),
        new JsonObject().put("maxStrategyErrors", 3).put("strategyErrorWindow", 10));
    FrameworkDeployments.behindRiskGate(vertx, risk, new FreqtradeVerticle(CATALOG), twoStrategies)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void operatorsPauseAndResumeAStrategyOnStrategiesControl(Vertx vertx, VertxTestContext ctx) {
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> letters.add(msg.body()));
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(
        () -> player.publish(Fixtures.state(1), Fixtures.bullish(1, T0_US, 1000)),
        () -> {
          command(vertx, "freqtrade-hft.momentum", StrategyAction.PAUSE);
          command(vertx, "hummingbot-mm.as-mm", StrategyAction.PAUSE);
          command(vertx, "freqtrade-hft.nope", StrategyAction.PAUSE);
          player.publish(Fixtures.state(2), Fixtures.bullish(2, T0_US + MINUTE_US, 1000));
        },
        () -> {
          command(vertx, "freqtrade-hft.momentum", StrategyAction.RESUME);
          player.publish(Fixtures.state(3), Fixtures.bullish(3, T0_US + 2 * MINUTE_US, 1000));
        });
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.FREQTRADE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(1, 0, 1);
          assertThat(letters).extracting(DeadLetter::getReason).containsExactly("unknown-strategy");
          assertThat(stats.getJsonObject("strategies").getJsonObject("freqtrade-hft.momentum").getBoolean("paused"))
              .isFalse();
          ctx.completeNow();
        }))));
    FrameworkDeployments.behindRiskGate(vertx, risk, new FreqtradeVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  @Test
  void standsDownOnRiskStatusAndAlertsAndCutsStakesByTheHaircut(Vertx vertx, VertxTestContext ctx) {
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> letters.add(msg.body()));
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    List<Runnable> ticks = List.of(
        () -> player.publish(Fixtures.state(1), Fixtures.bullish(1, T0_US, 1000).toBuilder().setSizeHaircut(0.5).build()),
        () -> {
          alert(vertx, AlertSeverity.CRITICAL, "STALE_MARKET_DATA", T0_US + MINUTE_US);
          vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setSeverityValue(99).build());
          vertx.eventBus().publish(Addresses.RISK_STATUS, "not a status");
          player.publish(Fixtures.state(2), Fixtures.bullish(2, T0_US + MINUTE_US, 1000));
        },
        () -> {
          alert(vertx, AlertSeverity.INFO, "STALE_MARKET_DATA_CLEARED", T0_US + 2 * MINUTE_US);
          player.publish(Fixtures.state(3), Fixtures.bullish(3, T0_US + 2 * MINUTE_US, 1000));
        },
        () -> {
          status(vertx, TradingState.HALTED);
          player.publish(Fixtures.state(4), Fixtures.bullish(4, T0_US + 3 * MINUTE_US, 1000));
        },
        () -> {
          status(vertx, TradingState.ACTIVE);
          player.publish(Fixtures.state(5), Fixtures.bullish(5, T0_US + 4 * MINUTE_US, 1000));
        });
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.FREQTRADE, 2_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(player.done()).extracting(TickDone::getIntents).containsExactly(1, 0, 1, 0, 1);
          assertThat(risk.checked()).extracting(OrderIntent::getQuantity)
              .containsExactly(ONE_BTC / 2, ONE_BTC, ONE_BTC);
          assertThat(letters).extracting(DeadLetter::getReason)
              .containsExactlyInAnyOrder("invalid-risk-alert", "invalid-trading-status");
          assertThat(stats.getLong("entriesSkippedByRisk")).isEqualTo(2);
          assertThat(stats.getLong("entriesCutByRisk")).isEqualTo(1);
          assertThat(stats.getString("tradingState")).isEqualTo("ACTIVE");
          assertThat(stats.getJsonObject("strategies").getJsonObject("freqtrade-hft.momentum")
              .getLong("entriesSkippedByRisk")).isEqualTo(2);
          ctx.completeNow();
        }))));
    FrameworkDeployments.behindRiskGate(vertx, risk, new FreqtradeVerticle(), CONFIG)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  private static void alert(Vertx vertx, AlertSeverity severity, String code, long eventTimeUs) {
    vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setMeta(Fixtures.meta(0, eventTimeUs))
        .setSeverity(severity).setCode(code).setSymbol("BTC/USD").setMessage("test").build());
  }

  private static void status(Vertx vertx, TradingState state) {
    vertx.eventBus().publish(Addresses.RISK_STATUS, TradingStatus.newBuilder().setMeta(Fixtures.meta(0, T0_US))
        .setState(state).setReason("test").build());
  }

  private static void command(Vertx vertx, String strategyId, StrategyAction action) {
    vertx.eventBus().publish(Addresses.STRATEGY_CONTROL, StrategyCommand.newBuilder()
        .setMeta(Fixtures.meta(0, T0_US)).setStrategyId(strategyId).setAction(action).setOperatorId("ops")
        .setReason("test").build());
  }

  /** The momentum strategy, except that it breaks on every even sequence number. */
  private static final class ThrowsOnEvenTicks implements Strategy {

    private final MomentumStrategy delegate = new MomentumStrategy(MomentumStrategy.PARAMETERS.defaults());

    @Override
    public StrategyDefaults defaults() {
      return delegate.defaults();
    }

    @Override
    public EntrySignal populateEntry(StrategyInput input) {
      if (input.consensus().getMeta().getSeq() % 2 == 0) {
        throw new IllegalStateException("even tick");
      }
      return delegate.populateEntry(input);
    }

    @Override
    public ExitSignal populateExit(StrategyInput input, OpenTrade trade) {
      return delegate.populateExit(input, trade);
    }
  }
}
