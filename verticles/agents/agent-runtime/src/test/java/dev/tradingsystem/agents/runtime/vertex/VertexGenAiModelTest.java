package dev.tradingsystem.agents.runtime.vertex;

import static dev.tradingsystem.agents.runtime.vertex.LoopbackGenAiServer.error;
import static dev.tradingsystem.agents.runtime.vertex.LoopbackGenAiServer.reply;
import static dev.tradingsystem.agents.runtime.vertex.LoopbackGenAiServer.response;
import static dev.tradingsystem.agents.runtime.vertex.VertexTesting.count;
import static dev.tradingsystem.agents.runtime.vertex.VertexTesting.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.FeaturePromptTemplate;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Gen AI backend against a loopback server speaking the Vertex AI REST protocol the SDK
 * uses. The test agent's built-in model answers LONG at price 250, the remote model SHORT, so a
 * fallback is told apart from a first-choice answer.
 */
@ExtendWith(VertxExtension.class)
class VertexGenAiModelTest {

  private static final String SERVICE = "genai-test-agent";
  private static final String AGENT = "genai-test";
  private static final String MODEL = "deepseek-ai/deepseek-v3.1-maas";
  private static final String REMOTE = "vertex:" + MODEL + ":" + AGENT + "-features-prompt-v1";
  private static final double PRICE = 250;
  /**
   * Deadline of the tests that are not about the deadline: the first call in a JVM loads the
   * client's classes, which on a loaded build machine can take seconds.
   */
  private static final int ROOMY_MS = 30_000;
  private static final String SHORT_ANSWER =
      "{\"direction\":\"SHORT\",\"strength\":0.6,\"confidence\":0.7,\"rationale\":\"rsi overbought\"}";

  private final LoopbackGenAiServer server = new LoopbackGenAiServer();

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  private Future<AgentService> deploy(Vertx vertx, int timeoutMs, int maxFailures,
      LoopbackGenAiServer.Behaviour behaviour) {
    return server.start(vertx, behaviour)
        .compose(started -> deployOn(vertx, started.apiEndpoint(), timeoutMs, maxFailures));
  }

  private static Future<AgentService> deployOn(Vertx vertx, String apiEndpoint, int timeoutMs, int maxFailures) {
    JsonObject vertex = new JsonObject()
        .put("project", "test-project")
        .put("model", MODEL)
        .put("apiEndpoint", apiEndpoint)
        .put("credentials", "none")
        .put("timeoutMs", timeoutMs)
        .put("maxFailures", maxFailures)
        .put("resetTimeoutMs", 600_000);
    JsonObject config = new JsonObject().put("agents", new JsonObject()
        .put(AGENT, new JsonObject().put("backend", "vertex").put("vertex", vertex)));
    return vertx.deployVerticle(new VertexTestAgent(SERVICE, VertexDefaults.RUNTIME),
            new DeploymentOptions().setConfig(config))
        .map(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, SERVICE));
  }

  private Future<AgentSignal> askOnce(Vertx vertx, int timeoutMs, LoopbackGenAiServer.Behaviour behaviour) {
    return deploy(vertx, timeoutMs, 5, behaviour).compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE)));
  }

  /** A test whose one call must fall back for {@code reason} after exactly one request reached the server. */
  private void fallsBack(Vertx vertx, VertxTestContext ctx, int timeoutMs, LoopbackGenAiServer.Behaviour behaviour,
      String reason) {
    askOnce(vertx, timeoutMs, behaviour).onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
      assertFallback(signal, reason);
      assertThat(server.received()).as("requests that reached the server (no SDK retries)").hasSize(1);
      ctx.completeNow();
    })));
  }

  @Test
  void aGoodAnswerBecomesTheSignal(Vertx vertx, VertxTestContext ctx) {
    double promptTokens = count("trading_agent_tokens", "agent", AGENT, "kind", "prompt");
    double answerTokens = count("trading_agent_tokens", "agent", AGENT, "kind", "completion");
    askOnce(vertx, ROOMY_MS, (v, request) -> reply(request, 200, response(SHORT_ANSWER, "STOP").encode()))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
          assertThat(signal.getStrength()).isEqualTo(0.6);
          assertThat(signal.getConfidence()).isEqualTo(0.7);
          assertThat(signal.getRationale()).isEqualTo("rsi overbought");
          assertThat(signal.getHorizonSec()).isEqualTo(FeaturePromptTemplate.DEFAULT_HORIZON_SEC);
          assertThat(signal.getModelId()).isEqualTo(REMOTE);
          assertThat(signal.getDegraded()).isFalse();

          assertThat(server.received()).hasSize(1);
          LoopbackGenAiServer.Received received = server.received().get(0);
          // The SDK maps "deepseek-ai/x" to publishers/deepseek-ai/models/x under the project and location.
          assertThat(received.path()).isEqualTo("/v1beta1/projects/test-project/locations/us-central1"
              + "/publishers/deepseek-ai/models/deepseek-v3.1-maas:generateContent");
          assertThat(received.authorization()).as("credentials=none sends a placeholder").isEqualTo("Bearer none");
          JsonObject body = received.body();
          assertThat(body.getJsonObject("systemInstruction").getJsonArray("parts").getJsonObject(0).getString("text"))
              .contains("disciplined short-horizon crypto trader").contains("\"direction\"").contains("FLAT");
          JsonArray contents = body.getJsonArray("contents");
          assertThat(contents).hasSize(1);
          assertThat(contents.getJsonObject(0).getString("role")).isEqualTo("user");
          assertThat(contents.getJsonObject(0).getJsonArray("parts").getJsonObject(0).getString("text"))
              .contains("symbol: BTC/USD").contains("price: 250").contains("rsi: 71.5");
          JsonObject generation = body.getJsonObject("generationConfig");
          assertThat(generation.getDouble("temperature")).isZero();
          assertThat(generation.getInteger("maxOutputTokens")).isEqualTo(256);
          assertThat(generation.getString("responseMimeType")).isEqualTo("application/json");

          assertThat(count("trading_agent_tokens", "agent", AGENT, "kind", "prompt") - promptTokens)
              .as("usageMetadata.promptTokenCount").isEqualTo(321);
          assertThat(count("trading_agent_tokens", "agent", AGENT, "kind", "completion") - answerTokens)
              .as("usageMetadata.candidatesTokenCount").isEqualTo(23);
          assertThat(TradingMetrics.scrape()).contains(
              "trading_agent_remote_calls_total{agent=\"" + AGENT + "\",backend=\"vertex\",outcome=\"ok\"}");
          ctx.completeNow();
        })));
  }

  @Test
  void aSlowAnswerFallsBackOnTimeout(Vertx vertx, VertxTestContext ctx) {
    // Two checkpoints, in either order: a busy machine may still be loading the client when the
    // deadline passes, and the request reaches the server only after the fallback answered.
    Checkpoint reachedServer = ctx.checkpoint();
    Checkpoint fellBack = ctx.checkpoint();
    askOnce(vertx, 150, (v, request) -> {
      reachedServer.flag();
      v.setTimer(3_000, id -> reply(request, 200, response(SHORT_ANSWER, "STOP").encode()));
    }).onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
      assertFallback(signal, "timeout");
      fellBack.flag();
    })));
  }

  @Test
  void rateLimitingFallsBackWithoutRetrying(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request) -> reply(request, 429, error(429, "RESOURCE_EXHAUSTED", "Quota exceeded").encode()),
        "http_429");
  }

  @Test
  void aServerErrorFallsBack(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request) -> reply(request, 503, error(503, "UNAVAILABLE", "The service is currently unavailable").encode()),
        "http_5xx");
  }

  @Test
  void aClientErrorFallsBack(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request) -> reply(request, 404, error(404, "NOT_FOUND", "Publisher model not found").encode()),
        "http_4xx");
  }

  @Test
  void aBodyThatIsNotJsonIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS, (v, request) -> reply(request, 200, "{\"candidates\": [{\"content\": "),
        "invalid_answer");
  }

  @Test
  void aBodyThatIsNotAResponseIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS, (v, request) -> reply(request, 200, "{\"candidates\":\"none\"}"),
        "invalid_answer");
  }

  @Test
  void answerTextThatIsNotJsonIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request) -> reply(request, 200, response("I think it goes up {direction: LONG", "STOP").encode()),
        "invalid_answer");
  }

  @Test
  void answerTextThatBreaksTheSchemaIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    String up = "{\"direction\":\"UP\",\"strength\":7,\"confidence\":0.5,\"rationale\":\"to the moon\"}";
    fallsBack(vertx, ctx, ROOMY_MS, (v, request) -> reply(request, 200, response(up, "STOP").encode()),
        "invalid_answer");
  }

  @Test
  void anAnswerCutOffAtMaxTokensIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request) -> reply(request, 200, response("{\"direction\":\"SHORT\",\"stren", "MAX_TOKENS").encode()),
        "invalid_answer");
  }

  @Test
  void aBlockedPromptIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    JsonObject blocked = new JsonObject()
        .put("promptFeedback", new JsonObject().put("blockReason", "PROHIBITED_CONTENT"))
        .put("usageMetadata", new JsonObject().put("promptTokenCount", 300).put("totalTokenCount", 300));
    fallsBack(vertx, ctx, ROOMY_MS, (v, request) -> reply(request, 200, blocked.encode()), "invalid_answer");
  }

  @Test
  void aClosedPortIsUnreachable(Vertx vertx, VertxTestContext ctx) {
    vertx.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1")
        .compose(probe -> {
          // A port that was free a moment ago: nothing listens once the probe is closed.
          String endpoint = "127.0.0.1:" + probe.actualPort();
          return probe.close().map(v -> endpoint);
        })
        .compose(endpoint -> deployOn(vertx, endpoint, ROOMY_MS, 5))
        .compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "unreachable");
          ctx.completeNow();
        })));
  }

  @Test
  void repeatedFailuresOpenTheCircuitAndStopCallingTheServer(Vertx vertx, VertxTestContext ctx) {
    Function<AgentService, Future<AgentSignal>> threeCalls = agent -> agent.analyze(request(1, "BTC/USD", PRICE))
        .compose(first -> {
          ctx.verify(() -> assertFallback(first, "http_5xx"));
          return agent.analyze(request(2, "BTC/USD", PRICE));
        })
        .compose(second -> {
          ctx.verify(() -> assertFallback(second, "http_5xx"));
          return agent.analyze(request(3, "BTC/USD", PRICE));
        });
    deploy(vertx, ROOMY_MS, 2, (v, request) -> reply(request, 500, error(500, "INTERNAL", "Internal error").encode()))
        .compose(threeCalls)
        .onComplete(ctx.succeeding(third -> ctx.verify(() -> {
          assertFallback(third, "circuit_open");
          assertThat(server.received()).as("requests that reached the server").hasSize(2);
          assertThat(TradingMetrics.scrape())
              .contains("trading_agent_circuit_state{agent=\"" + AGENT + "\"} 2.0")
              .contains("trading_agent_remote_calls_total{agent=\"" + AGENT
                  + "\",backend=\"vertex\",outcome=\"circuit_open\"}");
          ctx.completeNow();
        })));
  }

  @Test
  void theSameQuestionTwiceIsAnsweredOnceAndThenFromTheCache(Vertx vertx, VertxTestContext ctx) {
    double hits = count("trading_agent_response_cache", "agent", AGENT, "result", "hit");
    deploy(vertx, ROOMY_MS, 5, (v, request) -> reply(request, 200, response(SHORT_ANSWER, "STOP").encode()))
        .compose(agent -> agent.analyze(request(7, "BTC/USD", PRICE))
            .compose(first -> agent.analyze(request(7, "BTC/USD", PRICE))
                .map(second -> new AgentSignal[] {first, second})))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(server.received()).as("requests that reached the server").hasSize(1);
          for (AgentSignal signal : both) {
            assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
            assertThat(signal.getModelId()).isEqualTo(REMOTE);
            assertThat(signal.getDegraded()).isFalse();
          }
          assertThat(count("trading_agent_response_cache", "agent", AGENT, "result", "hit") - hits).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  private static void assertFallback(AgentSignal signal, String reason) {
    assertThat(signal.getDegraded()).isTrue();
    assertThat(signal.getDegradedReason()).isEqualTo(reason);
    assertThat(signal.getModelId()).isEqualTo(VertexTestAgent.BUILTIN);
    assertThat(signal.getDirection()).as("the built-in model's view").isEqualTo(Direction.LONG);
    assertThat(signal.getStrength()).isEqualTo(0.8);
  }
}
