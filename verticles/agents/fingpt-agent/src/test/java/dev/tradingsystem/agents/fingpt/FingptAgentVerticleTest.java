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
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.service.ServiceRegistry;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  private static JsonObject newsConfig(JsonObject news) {
    return new JsonObject().put("agents", new JsonObject().put("fingpt", new JsonObject().put("news", news)));
  }

  /**
   * The dykstranet file replayed by event time: at 2021-02-26T00:00Z minus 1 us nothing is due
   * within the window; at 2021-02-26T00:00Z the two stories of 2021-02-25 (end-of-day rule) enter
   * the window and go out on {@code news}, once each, however often that time is analysed.
   */
  @Test
  void aNewsFileIsReplayedOnTheAnalysePathAndPublishedOnce(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    AgentService agent = ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.FINGPT);
    String file = SharedDataLocator.require(NewsFileReaderTest.DYKSTRANET).toString();
    long end = NewsFileReaderTest.S1_DAY_END_US;
    List<String> published = new CopyOnWriteArrayList<>();
    Promise<Void> twoPublished = Promise.promise();
    vertx.eventBus().<NewsItem>consumer(Addresses.NEWS, msg -> {
      published.add(msg.body().getMeta().getId());
      if (published.size() == 2) {
        twoPublished.tryComplete();
      }
    }).completion()
        .compose(v -> vertx.deployVerticle(new FingptAgentVerticle(), new DeploymentOptions()
            .setConfig(newsConfig(new JsonObject().put("file", file).put("symbols", "BTC")))))
        .compose(id -> agent.analyze(SentimentModelTest.tick("BTC/USD", end - 1)))
        .compose(before -> {
          ctx.verify(() -> {
            assertThat(before.getRationale()).startsWith("no news");
            assertThat(published).isEmpty();
          });
          return agent.analyze(SentimentModelTest.tick("BTC/USD", end));
        })
        .compose(at -> {
          ctx.verify(() -> assertThat(at.getRationale()).contains("headlines=2"));
          return agent.analyze(SentimentModelTest.tick("BTC/USD", end));
        })
        .compose(again -> twoPublished.future().map(again))
        .onComplete(ctx.succeeding(again -> ctx.verify(() -> {
          assertThat(again.getRationale()).contains("headlines=2");
          assertThat(published).containsExactly("news.csv:31", "news.csv:32");
          ctx.completeNow();
        })));
  }

  @Test
  void anUnreadableNewsFileFailsTheStartNamingTheKey(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new FingptAgentVerticle(), new DeploymentOptions()
            .setConfig(newsConfig(new JsonObject().put("file", "/nonexistent/news.csv"))))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).isInstanceOf(ConfigException.class).hasMessageContaining("agents.fingpt.news.file");
          ctx.completeNow();
        })));
  }

  @Test
  void aFeedUrlThatIsNotHttpFailsTheStart(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new FingptAgentVerticle(), new DeploymentOptions()
            .setConfig(newsConfig(new JsonObject().put("rss", new JsonObject().put("urls", "file:///etc/passwd")))))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).isInstanceOf(ConfigException.class).hasMessageContaining("agents.fingpt.news.rss.urls");
          ctx.completeNow();
        })));
  }
}
