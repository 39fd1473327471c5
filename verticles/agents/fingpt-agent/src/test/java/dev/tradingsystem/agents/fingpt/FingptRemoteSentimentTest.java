package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sentiment agent on an OpenAI-compatible loopback server: the model is shown the headlines
 * in the window in FinGPT's instruction format and answers a sentiment label, which becomes the
 * signal; without a headline nothing is asked and the built-in "no view" stands undegraded.
 */
@ExtendWith(VertxExtension.class)
class FingptRemoteSentimentTest {

  private final List<JsonObject> bodies = new CopyOnWriteArrayList<>();

  @Test
  void headlinesAreAskedInFinGptsMannerAndTheLabelBecomesTheSignal(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    long now = SentimentModelTest.T0;
    AgentService agent = ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.FINGPT);
    String answer = "{\"sentiment\":\"positive\",\"confidence\":0.8,\"rationale\":\"ETF approval\"}";
    vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          bodies.add(body.toJsonObject());
          request.response().putHeader("content-type", "application/json").end(new JsonObject()
              .put("choices", new JsonArray().add(new JsonObject()
                  .put("message", new JsonObject().put("role", "assistant").put("content", answer))
                  .put("finish_reason", "stop")))
              .put("usage", new JsonObject().put("prompt_tokens", 90).put("completion_tokens", 20))
              .encode());
        }))
        .listen(0, "127.0.0.1")
        .compose(server -> vertx.deployVerticle(new FingptAgentVerticle(), new DeploymentOptions().setConfig(
            new JsonObject().put("agents", new JsonObject().put("fingpt", new JsonObject()
                .put("backend", "openai")
                .put("openai", new JsonObject()
                    .put("baseUrl", "http://127.0.0.1:" + server.actualPort() + "/v1")
                    .put("model", "fingpt-sentiment-test")
                    .put("apiKeyEnv", "NO_SUCH_VARIABLE_IN_TESTS")))))))
        .compose(id -> agent.analyze(SentimentModelTest.tick("BTC/USD", now)))
        .compose(quiet -> {
          ctx.verify(() -> {
            assertThat(quiet.getDegraded()).as("nothing to ask is not a failure").isFalse();
            assertThat(quiet.getDirection()).isEqualTo(Direction.FLAT);
            assertThat(bodies).as("no headline, no call").isEmpty();
          });
          vertx.eventBus().publish(Addresses.NEWS,
              SentimentModelTest.news("n-1", now - 1, "SEC approves spot bitcoin ETF", "BTC/USD"));
          return askUntilNewsArrived(agent, now);
        })
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDegraded()).isFalse();
          assertThat(signal.getDirection()).isEqualTo(Direction.LONG);
          assertThat(signal.getStrength()).isEqualTo(0.8);
          assertThat(signal.getRationale()).isEqualTo("positive: ETF approval");
          assertThat(signal.getModelId()).isEqualTo("openai:fingpt-sentiment-test:" + SentimentPrompt.VERSION);
          JsonArray messages = bodies.get(bodies.size() - 1).getJsonArray("messages");
          assertThat(messages.getJsonObject(0).getString("content"))
              .contains("Please choose an answer from").contains("{negative/neutral/positive}")
              .contains("\"sentiment\"");
          assertThat(messages.getJsonObject(1).getString("content"))
              .contains("asset: BTC/USD").contains("] SEC approves spot bitcoin ETF").endsWith("Answer:");
          ctx.completeNow();
        })));
  }

  /** News travels over the bus; ask again until the window holds it (a call reached the server). */
  private Future<AgentSignal> askUntilNewsArrived(AgentService agent, long now) {
    return agent.analyze(SentimentModelTest.tick("BTC/USD", now))
        .compose(signal -> bodies.isEmpty() ? askUntilNewsArrived(agent, now) : Future.succeededFuture(signal));
  }
}
