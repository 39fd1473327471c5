package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.coordinator.InTestAgent.Behaviour;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class McpCoordinatorVerticleTest {

  private static final long DEADLINE_MS = 200;
  private static final JsonObject CONFIG = new JsonObject()
      .put("coordinator", new JsonObject().put("agentTimeoutMs", DEADLINE_MS));

  private final InTestAgent deepseek = new InTestAgent(ServiceNames.DEEPSEEK, Behaviour.LONG);
  private final InTestAgent qwen = new InTestAgent(ServiceNames.QWEN, Behaviour.DEGRADED_LONG);
  private final InTestAgent fingpt = new InTestAgent(ServiceNames.FINGPT, Behaviour.SLOW);
  private final InTestAgent lagllama = new InTestAgent(ServiceNames.LAGLLAMA, Behaviour.FAILING);

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext testContext) {
    ProtobufCodecs.registerAll(vertx);
    Future.all(List.of(vertx.deployVerticle(deepseek), vertx.deployVerticle(qwen), vertx.deployVerticle(fingpt),
            vertx.deployVerticle(lagllama)))
        .compose(v -> vertx.deployVerticle(new McpCoordinatorVerticle(), new DeploymentOptions().setConfig(CONFIG)))
        .onComplete(testContext.succeedingThenComplete());
  }

  private static FeatureVector features(long seq, double price) {
    return FeatureVector.newBuilder()
        .setMeta(Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq).setEventTimeUs(seq * 1_000_000))
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setPrice(price)
        .setMid(price)
        .build();
  }

  @Test
  void exactlyOneConsensusPerFeatureVectorWithTheMissingAgentsRecorded(Vertx vertx, VertxTestContext testContext) {
    List<Consensus> received = new CopyOnWriteArrayList<>();
    List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    Checkpoint fourConsensus = testContext.checkpoint(4);
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, m -> deadLetters.add(m.body()));
    vertx.eventBus().<Consensus>consumer(Addresses.CONSENSUS, m -> {
      received.add(m.body());
      fourConsensus.flag();
    }).completion().onSuccess(v -> {
      vertx.eventBus().publish(Addresses.FEATURES, features(1, 800.00));
      vertx.eventBus().publish(Addresses.FEATURES, features(2, 801.50));
      vertx.eventBus().publish(Addresses.FEATURES, features(3, Double.NaN));
      vertx.eventBus().publish(Addresses.FEATURES, features(4, 802.00));
      vertx.eventBus().publish(Addresses.FEATURES, "not a feature vector");
      // Check again after the slow agent's late answers would have arrived: still one per vector.
      vertx.setTimer(InTestAgent.SLOW_MS + 300, id -> ServiceStats.fetch(vertx, ServiceNames.MCP_COORDINATOR, 1_000)
          .onComplete(testContext.succeeding(stats -> testContext.verify(() -> {
            assertThat(received).extracting(c -> c.getMeta().getSeq()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
            for (Consensus consensus : received) {
              assertThat(consensus.getDegraded()).isTrue();
              assertThat(consensus.getFeatures().getMeta().getSeq()).isEqualTo(consensus.getMeta().getSeq());
              assertThat(consensus.getMeta().getTraceId()).isEqualTo("t-" + consensus.getMeta().getSeq());
            }
            Map<Long, Consensus> bySeq = received.stream()
                .collect(Collectors.toMap(c -> c.getMeta().getSeq(), c -> c));
            Consensus healthy = bySeq.get(1L);
            assertThat(healthy.getMissingAgentsList()).containsExactly(ServiceNames.FINGPT, ServiceNames.LAGLLAMA);
            assertThat(healthy.getSignalsList()).extracting(s -> s.getAgent()).containsExactly("deepseek", "qwen");
            assertThat(healthy.getQuorum()).isTrue();
            assertThat(healthy.getDirection()).isEqualTo(Direction.LONG);
            // Two identical calls (0.5 x 10 bps, variance 100 / 0.8 each): edge 5 bps, score 0.5.
            assertThat(healthy.getScore()).isCloseTo(0.5, within(1e-12));
            assertThat(healthy.getExpectedEdgeBps()).isCloseTo(5, within(1e-9));
            assertThat(healthy.getEdgeVariance()).isCloseTo(62.5, within(1e-9));
            Consensus nan = bySeq.get(3L);
            assertThat(nan.getDirection()).isEqualTo(Direction.FLAT);
            assertThat(nan.getQuorum()).isFalse();
            assertThat(nan.getSignalsCount()).isZero();

            assertThat(deepseek.requests).extracting(r -> r.getFeatures().getMeta().getSeq()).containsExactlyInAnyOrder(1L, 2L, 4L);
            assertThat(deadLetters).extracting(DeadLetter::getReason).containsExactlyInAnyOrder("nan-price", "unexpected-type");
            assertThat(stats.getLong("decisions")).isEqualTo(4);
            assertThat(stats.getJsonObject("signalsByAgent").getMap())
                .containsEntry("deepseek", 3L).containsEntry("qwen", 3L).containsEntry("fingpt", 0L).containsEntry("lagllama", 0L);
            assertThat(stats.getJsonObject("degradedByAgent").getMap()).containsEntry("qwen", 3L).containsEntry("deepseek", 0L);
            assertThat(stats.getJsonObject("missingByAgent").getMap())
                .containsEntry("fingpt", 3L).containsEntry("lagllama", 3L).containsEntry("deepseek", 0L);
            assertThat(stats.getJsonObject("missingByReason").getJsonObject("fingpt").getMap()).containsEntry("timeout", 3L);
            assertThat(stats.getJsonObject("missingByReason").getJsonObject("lagllama").getMap()).containsEntry("error", 3L);
            assertThat(stats.getJsonObject("weights").getMap()).containsEntry("deepseek", 1.0).containsEntry("qwen", 1.0);
            assertThat(TradingMetrics.scrape())
                .contains("trading_coordinator_decisions_total")
                .contains("trading_coordinator_missing_total{agent=\"fingpt\",reason=\"timeout\"}")
                .contains("trading_coordinator_missing_total{agent=\"lagllama\",reason=\"error\"}")
                .contains("trading_coordinator_agent_weight{agent=\"deepseek\"} 1.0")
                .contains("trading_coordinator_rejected_total");
            testContext.completeNow();
          }))));
    });
  }

  @Test
  void theNextConsensusAfterARiskAlertCarriesItsSizeHaircut(Vertx vertx, VertxTestContext testContext) {
    List<Consensus> received = new CopyOnWriteArrayList<>();
    List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, m -> deadLetters.add(m.body()));
    List<Runnable> steps = List.of(
        () -> vertx.eventBus().publish(Addresses.FEATURES, features(1, 800.00)),
        () -> {
          alert(vertx, AlertSeverity.WARNING, "VAR_WARNING", "BTC/USD", 1_500_000);
          vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setSeverityValue(99).build());
          vertx.eventBus().publish(Addresses.FEATURES, features(2, 801.00));
        },
        () -> {
          status(vertx, TradingState.REDUCING);
          vertx.eventBus().publish(Addresses.FEATURES, features(3, 802.00));
        },
        () -> {
          status(vertx, TradingState.ACTIVE);
          vertx.eventBus().publish(Addresses.FEATURES, features(4, 803.00));
        });
    vertx.eventBus().<Consensus>consumer(Addresses.CONSENSUS, m -> {
      received.add(m.body());
      if (received.size() < steps.size()) {
        steps.get(received.size()).run();
        return;
      }
      ServiceStats.fetch(vertx, ServiceNames.MCP_COORDINATOR, 1_000)
          .onComplete(testContext.succeeding(stats -> testContext.verify(() -> {
            assertThat(received).extracting(Consensus::getSizeHaircut).containsExactly(0.0, 0.5, 1.0, 0.0);
            assertThat(deadLetters).extracting(DeadLetter::getReason).containsExactly("invalid-risk-alert");
            JsonObject risk = stats.getJsonObject("risk");
            assertThat(risk.getString("tradingState")).isEqualTo("ACTIVE");
            assertThat(risk.getLong("dampedDecisions")).isEqualTo(2);
            assertThat(risk.getLong("blockedDecisions")).isEqualTo(1);
            assertThat(risk.getJsonArray("alertsHeld")).as("lifted by the return to ACTIVE").isEmpty();
            assertThat(risk.getJsonObject("lastHaircutBySymbol").getDouble("BTC/USD")).isZero();
            testContext.completeNow();
          })));
    }).completion().onSuccess(v -> steps.get(0).run());
  }

  private static void alert(Vertx vertx, AlertSeverity severity, String code, String symbol, long eventTimeUs) {
    vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder()
        .setMeta(Meta.newBuilder().setId("alert-" + code).setEventTimeUs(eventTimeUs))
        .setSeverity(severity).setCode(code).setSymbol(symbol).setMessage("test").build());
  }

  private static void status(Vertx vertx, TradingState state) {
    vertx.eventBus().publish(Addresses.RISK_STATUS, TradingStatus.newBuilder()
        .setMeta(Meta.newBuilder().setId("status-" + state)).setState(state).setReason("test").build());
  }
}
