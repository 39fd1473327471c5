package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FingptAgentVerticleTest {

  @Test
  void newsFromTheBusTurnsTheAgentAndMalformedNewsIsDeadLettered(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    var published = ctx.checkpoint();
    var answered = ctx.checkpoint();
    AgentService agent = ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.FINGPT);
    long now = SentimentModelTest.T0;
    Promise<Void> malformedSeen = Promise.promise();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> ctx.verify(() -> {
      assertThat(msg.body().getReason()).startsWith("empty_news");
      malformedSeen.tryComplete();
    }));
    vertx.eventBus().<AgentSignal>consumer(Addresses.signals("fingpt"), msg -> ctx.verify(() -> {
      assertThat(msg.body().getDirection()).isEqualTo(Direction.SHORT);
      published.flag();
    }));
    vertx.deployVerticle(new FingptAgentVerticle(), new DeploymentOptions().setConfig(new JsonObject()))
        .compose(id -> agent.analyze(SentimentModelTest.tick("BTC/USD", now)))
        .compose(quiet -> {
          ctx.verify(() -> {
            assertThat(quiet.getDirection()).isEqualTo(Direction.FLAT);
            assertThat(quiet.getConfidence()).isZero();
            assertThat(quiet.getModelId()).isEqualTo(SentimentModel.MODEL_ID);
          });
          vertx.eventBus().publish(Addresses.NEWS,
              SentimentModelTest.news("n-1", now - 1, "Bitcoin plunges as exchange halts withdrawals", "BTC/USD"));
          // The same consumer handles news in order: once the malformed item is dead-lettered,
          // the good one before it is in the window.
          vertx.eventBus().publish(Addresses.NEWS, NewsItem.newBuilder()
              .setMeta(SentimentModelTest.news("n-2", now, "x").getMeta()).build());
          return malformedSeen.future();
        })
        .compose(v -> agent.analyze(SentimentModelTest.tick("BTC/USD", now)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
          assertThat(signal.getAgent()).isEqualTo("fingpt");
          assertThat(signal.getRationale()).contains("headlines=1");
          answered.flag();
        })));
  }
}
