package dev.tradingsystem.agents.lagllama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.Direction;
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
class LagllamaAgentVerticleTest {

  @Test
  void answersFlatWithoutQuantilesBeforeWarmUp(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    SyntheticCandles candles = new SyntheticCandles("BTC/USD");
    vertx.deployVerticle(new LagllamaAgentVerticle(), new DeploymentOptions().setConfig(new JsonObject()))
        .compose(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.LAGLLAMA)
            .analyze(candles.next(0.001)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.FLAT);
          assertThat(signal.getQuantilesList()).isEmpty();
          assertThat(signal.getModelId()).isEqualTo(ForecastModel.MODEL_ID);
          assertThat(signal.getRationale()).startsWith("warming up: 0 of 30");
          ctx.completeNow();
        })));
  }

  @Test
  void anExplosiveGarchFailsStartNamingTheKey(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = new JsonObject().put("agents", new JsonObject()
        .put("lagllama", new JsonObject().put("garchAlpha", 0.2).put("garchBeta", 0.85)));
    vertx.deployVerticle(new LagllamaAgentVerticle(), new DeploymentOptions().setConfig(config))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e.getMessage()).contains("agents.lagllama.garchBeta");
          ctx.completeNow();
        })));
  }
}
