package dev.tradingsystem.agents.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DeepseekAgentVerticleTest {

  @Test
  void anUptrendIsPublishedAsALongMomentumSignal(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    var published = ctx.checkpoint();
    var answered = ctx.checkpoint();
    AnalyzeRequest up = MomentumModelTest.features("BTC/USD", 0.002, 0.004, 0.010, 0.0005, 801, 800, 60);
    Meta meta = Meta.newBuilder().setId("md-3").setSeq(3).setTraceId("t-3").build();
    AnalyzeRequest request = up.toBuilder().setMeta(meta).setFeatures(up.getFeatures().toBuilder().setMeta(meta)).build();
    vertx.eventBus().<AgentSignal>consumer(Addresses.signals("deepseek"), msg -> ctx.verify(() -> {
      assertThat(msg.body().getModelId()).isEqualTo(MomentumModel.MODEL_ID);
      published.flag();
    })).completion()
        .compose(v -> vertx.deployVerticle(new DeepseekAgentVerticle(), new DeploymentOptions().setConfig(new JsonObject())))
        .compose(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.DEEPSEEK).analyze(request))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.LONG);
          assertThat(signal.getAgent()).isEqualTo("deepseek");
          assertThat(signal.getMeta().getId()).isEqualTo("sig-deepseek-md-3");
          assertThat(signal.getRationale()).contains("regime=trend");
          answered.flag();
        })));
  }

  @Test
  void aBadThresholdFailsStartNamingTheKey(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = new JsonObject().put("agents", new JsonObject()
        .put("deepseek", new JsonObject().put("entryThreshold", 3)));
    vertx.deployVerticle(new DeepseekAgentVerticle(), new DeploymentOptions().setConfig(config))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e.getMessage()).contains("agents.deepseek.entryThreshold");
          ctx.completeNow();
        })));
  }
}
