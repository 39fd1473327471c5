package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no agent deployed at all the pipeline still gets its one consensus per market event. */
@ExtendWith(VertxExtension.class)
class CoordinatorWithoutAgentsTest {

  @Test
  void everyAgentMissingStillPublishesAFlatDegradedConsensus(Vertx vertx, VertxTestContext testContext) {
    ProtobufCodecs.registerAll(vertx);
    JsonObject config = new JsonObject().put("coordinator", new JsonObject()
        .put("agents", "deepseek-agent,qwen-agent").put("agentTimeoutMs", 100));
    FeatureVector features = FeatureVector.newBuilder()
        .setMeta(Meta.newBuilder().setId("md-7").setSeq(7).setTraceId("t-7"))
        .setInstrument(Instruments.BITSTAMP_BTC_USD).setPrice(800).build();

    vertx.eventBus().<Consensus>consumer(Addresses.CONSENSUS, m -> testContext.verify(() -> {
      Consensus consensus = m.body();
      assertThat(consensus.getMeta().getSeq()).isEqualTo(7);
      assertThat(consensus.getDirection()).isEqualTo(Direction.FLAT);
      assertThat(consensus.getDegraded()).isTrue();
      assertThat(consensus.getQuorum()).isFalse();
      assertThat(consensus.getMissingAgentsList()).containsExactly("deepseek-agent", "qwen-agent");
      ServiceStats.fetch(vertx, ServiceNames.MCP_COORDINATOR, 1_000).onComplete(testContext.succeeding(stats ->
          testContext.verify(() -> {
            assertThat(stats.getJsonObject("missingByReason").getJsonObject("deepseek").getMap())
                .containsEntry("unavailable", 1L);
            testContext.completeNow();
          })));
    }));
    vertx.deployVerticle(new McpCoordinatorVerticle(), new DeploymentOptions().setConfig(config))
        .onComplete(testContext.succeeding(id -> vertx.eventBus().publish(Addresses.FEATURES, features)));
  }
}
