package dev.tradingsystem.agents.qwen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
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
class QwenAgentVerticleTest {

  @Test
  void sellingPressureIsPublishedAsAShortSignal(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    var published = ctx.checkpoint();
    var answered = ctx.checkpoint();
    vertx.eventBus().<AgentSignal>consumer(Addresses.signals("qwen"), msg -> ctx.verify(() -> {
      assertThat(msg.body().getDirection()).isEqualTo(Direction.SHORT);
      published.flag();
    })).completion()
        .compose(v -> vertx.deployVerticle(new QwenAgentVerticle(), new DeploymentOptions().setConfig(new JsonObject())))
        .compose(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.QWEN)
            .analyze(MicrostructureModelTest.features(-0.6, -0.5, -1.0, 2, 1.0)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
          assertThat(signal.getModelId()).isEqualTo(MicrostructureModel.MODEL_ID);
          assertThat(signal.getHorizonSec()).isEqualTo(MicrostructureConfig.DEFAULT_HORIZON_SEC);
          answered.flag();
        })));
  }
}
