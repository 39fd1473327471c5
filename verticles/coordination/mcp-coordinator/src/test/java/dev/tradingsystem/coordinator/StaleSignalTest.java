package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A signal about an older market than the decision's is dropped and recorded as missing "stale". */
@ExtendWith(VertxExtension.class)
class StaleSignalTest {

  private static final long DECISION_US = 1_385_337_600_000_000L;

  private static AgentSignal signal(String agent, Meta cause, long eventTimeUs) {
    return AgentSignal.newBuilder()
        .setMeta(Metas.derive(cause, agent + "-sig").toBuilder().setEventTimeUs(eventTimeUs))
        .setAgent(agent).setDirection(Direction.LONG).setConfidence(1).setStrength(1).build();
  }

  @Test
  void aStaleAnswerDoesNotVoteAndIsCountedMissing(Vertx vertx, VertxTestContext testContext) {
    ProtobufCodecs.registerAll(vertx);
    JsonObject config = new JsonObject().put("coordinator", new JsonObject()
        .put("agents", "deepseek-agent,qwen-agent").put("signalTtlMs", 5_000)
        .put("quorum", new JsonObject().put("min", 1)));
    FeatureVector features = FeatureVector.newBuilder()
        .setMeta(Meta.newBuilder().setId("md-9").setSeq(9).setTraceId("t-9").setEventTimeUs(DECISION_US))
        .setInstrument(Instruments.BITSTAMP_BTC_USD).setPrice(800).build();

    vertx.eventBus().<Consensus>consumer(Addresses.CONSENSUS, m -> testContext.verify(() -> {
      Consensus consensus = m.body();
      assertThat(consensus.getMissingAgentsList()).containsExactly(ServiceNames.DEEPSEEK);
      assertThat(consensus.getSignalsList()).extracting(AgentSignal::getAgent).containsExactly("qwen");
      assertThat(consensus.getDegraded()).isTrue();
      assertThat(consensus.getQuorum()).isTrue();
      ServiceStats.fetch(vertx, ServiceNames.MCP_COORDINATOR, 1_000).onComplete(testContext.succeeding(stats ->
          testContext.verify(() -> {
            assertThat(stats.getJsonObject("missingByReason").getJsonObject("deepseek").getMap()).containsEntry("stale", 1L);
            assertThat(TradingMetrics.scrape()).contains("trading_coordinator_missing_total{agent=\"deepseek\",reason=\"stale\"}");
            testContext.completeNow();
          })));
    }));
    Future.all(
            vertx.deployVerticle(new ScriptedAgent(ServiceNames.DEEPSEEK,
                r -> signal("deepseek", r.getMeta(), DECISION_US - 10_000_000))),
            vertx.deployVerticle(new ScriptedAgent(ServiceNames.QWEN,
                r -> signal("qwen", r.getMeta(), DECISION_US))))
        .compose(v -> vertx.deployVerticle(new McpCoordinatorVerticle(), new DeploymentOptions().setConfig(config)))
        .onComplete(testContext.succeeding(id -> vertx.eventBus().publish(Addresses.FEATURES, features)));
  }
}
