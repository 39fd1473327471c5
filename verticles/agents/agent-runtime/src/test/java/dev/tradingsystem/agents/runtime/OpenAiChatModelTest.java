package dev.tradingsystem.agents.runtime;

import static dev.tradingsystem.agents.runtime.AgentVerticleTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAI backend against a loopback server speaking the chat-completions protocol. The
 * scripted built-in model answers LONG at price 250, so a fallback is told apart from the remote
 * model, which answers SHORT when it answers well.
 */
@ExtendWith(VertxExtension.class)
class OpenAiChatModelTest {

  private static final double PRICE = 250;
  private static final String BUILTIN = "scripted-builtin-v1";
  private static final String REMOTE = "openai:test-model:scripted-features-prompt-v1";
  private static final String SHORT_ANSWER =
      "{\"direction\":\"SHORT\",\"strength\":0.6,\"confidence\":0.7,\"rationale\":\"rsi overbought\"}";

  /** Requests the loopback server received: body and Authorization header. */
  private final List<JsonObject> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private ScriptedAgentVerticle scripted;

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  /** A chat-completions response whose assistant message carries {@code content}. */
  static JsonObject completion(String content) {
    return new JsonObject()
        .put("id", "chatcmpl-test")
        .put("object", "chat.completion")
        .put("created", 1_700_000_000)
        .put("model", "test-model")
        .put("choices", new JsonArray().add(new JsonObject()
            .put("index", 0)
            .put("message", new JsonObject().put("role", "assistant").put("content", content))
            .put("finish_reason", "stop")))
        .put("usage", new JsonObject().put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150));
  }

  private static void reply(HttpServerRequest request, int status, String body) {
    request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
  }

  /** Starts the loopback server with {@code behaviour}, deploys the agent on it, asks once. */
  private Future<AgentSignal> askOnce(Vertx vertx, int timeoutMs, BiConsumer<Vertx, HttpServerRequest> behaviour) {
    return deploy(vertx, timeoutMs, 5, behaviour).compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE)));
  }

  private Future<AgentService> deploy(Vertx vertx, int timeoutMs, int maxFailures,
      BiConsumer<Vertx, HttpServerRequest> behaviour) {
    return deploy(vertx, timeoutMs, maxFailures, behaviour, new JsonObject());
  }

  /** {@code agentConfig} is merged into {@code agents.scripted} (budget, response cache). */
  private Future<AgentService> deploy(Vertx vertx, int timeoutMs, int maxFailures,
      BiConsumer<Vertx, HttpServerRequest> behaviour, JsonObject agentOverrides) {
    return vertx.createHttpServer()
        .requestHandler(request -> {
          authorizations.add(String.valueOf(request.getHeader("Authorization")));
          request.body().onSuccess(body -> {
            bodies.add(body.toJsonObject());
            if ("/v1/chat/completions".equals(request.path()) && request.method().name().equals("POST")) {
              behaviour.accept(vertx, request);
            } else {
              reply(request, 404, "{\"error\":{\"message\":\"not found\"}}");
            }
          });
        })
        .listen(0, "127.0.0.1")
        .compose((HttpServer server) -> {
          JsonObject openai = new JsonObject()
              .put("baseUrl", "http://127.0.0.1:" + server.actualPort() + "/v1/")
              .put("model", "test-model")
              .put("apiKeyEnv", "TEST_LLM_KEY")
              .put("timeoutMs", timeoutMs)
              .put("maxFailures", maxFailures)
              .put("resetTimeoutMs", 600_000);
          // Off unless a test turns it on: the other tests ask the same question more than once.
          JsonObject agentConfig = new JsonObject().put("responseCache", new JsonObject().put("enabled", false))
              .mergeIn(agentOverrides, true);
          JsonObject config = new JsonObject().put("agents", new JsonObject()
              .put("scripted", new JsonObject().put("backend", "openai").put("openai", openai)
                  .mergeIn(agentConfig)));
          scripted = new ScriptedAgentVerticle(Map.of("TEST_LLM_KEY", "sk-test")::get);
          return vertx.deployVerticle(scripted, new DeploymentOptions().setConfig(config));
        })
        .map(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ScriptedAgentVerticle.SERVICE));
  }

  @Test
  void aValidAnswerBecomesTheSignal(Vertx vertx, VertxTestContext ctx) {
    askOnce(vertx, 5_000, (v, request) -> reply(request, 200, completion(SHORT_ANSWER).encode()))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
          assertThat(signal.getStrength()).isEqualTo(0.6);
          assertThat(signal.getConfidence()).isEqualTo(0.7);
          assertThat(signal.getRationale()).isEqualTo("rsi overbought");
          assertThat(signal.getHorizonSec()).isEqualTo(FeaturePromptTemplate.DEFAULT_HORIZON_SEC);
          assertThat(signal.getModelId()).isEqualTo(REMOTE);
          assertThat(signal.getDegraded()).isFalse();

          assertThat(bodies).hasSize(1);
          JsonObject body = bodies.get(0);
          assertThat(body.getString("model")).isEqualTo("test-model");
          assertThat(body.getInteger("temperature")).isZero();
          assertThat(body.getJsonObject("response_format")).isEqualTo(new JsonObject().put("type", "json_object"));
          JsonArray messages = body.getJsonArray("messages");
          assertThat(messages).hasSize(2);
          assertThat(messages.getJsonObject(0).getString("role")).isEqualTo("system");
          assertThat(messages.getJsonObject(0).getString("content")).contains("\"direction\"").contains("FLAT");
          assertThat(messages.getJsonObject(1).getString("role")).isEqualTo("user");
          assertThat(messages.getJsonObject(1).getString("content"))
              .contains("symbol: BTC/USD").contains("price: 250").contains("rsi: 0");
          assertThat(authorizations).containsExactly("Bearer sk-test");
          assertThat(scripted.builtinCalls).as("the built-in model keeps up while the remote answers").hasValue(1);
          assertThat(TradingMetrics.scrape()).contains(
              "trading_agent_remote_calls_total{agent=\"scripted\",backend=\"openai\",outcome=\"ok\"}");
          ctx.completeNow();
        })));
  }

  @Test
  void aSlowAnswerFallsBackOnTimeout(Vertx vertx, VertxTestContext ctx) {
    askOnce(vertx, 150, (v, request) ->
        v.setTimer(3_000, id -> reply(request, 200, completion(SHORT_ANSWER).encode())))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "timeout");
          ctx.completeNow();
        })));
  }

  @Test
  void rateLimitingFallsBack(Vertx vertx, VertxTestContext ctx) {
    askOnce(vertx, 5_000, (v, request) -> reply(request, 429, "{\"error\":{\"message\":\"Rate limit reached\"}}"))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "http_429");
          ctx.completeNow();
        })));
  }

  @Test
  void aServerErrorFallsBack(Vertx vertx, VertxTestContext ctx) {
    askOnce(vertx, 5_000, (v, request) -> reply(request, 500, "{\"error\":{\"message\":\"internal\"}}"))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "http_5xx");
          ctx.completeNow();
        })));
  }

  @Test
  void contentThatIsNotJsonIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    askOnce(vertx, 5_000, (v, request) ->
        reply(request, 200, completion("I think the price will go up {direction: LONG").encode()))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "invalid_answer");
          ctx.completeNow();
        })));
  }

  @Test
  void contentThatBreaksTheSchemaIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    String up = "{\"direction\":\"UP\",\"strength\":7,\"confidence\":0.5,\"rationale\":\"to the moon\"}";
    askOnce(vertx, 5_000, (v, request) -> reply(request, 200, completion(up).encode()))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "invalid_answer");
          ctx.completeNow();
        })));
  }

  @Test
  void aRefusalIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    JsonObject refusal = completion(null);
    refusal.getJsonArray("choices").getJsonObject(0).getJsonObject("message")
        .put("refusal", "I can't help with trading decisions.");
    askOnce(vertx, 5_000, (v, request) -> reply(request, 200, refusal.encode()))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "invalid_answer");
          ctx.completeNow();
        })));
  }

  @Test
  void repeatedFailuresOpenTheCircuitAndStopCallingTheServer(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, 5_000, 2, (v, request) -> reply(request, 503, "{\"error\":{\"message\":\"overloaded\"}}"))
        .compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE))
            .compose(first -> {
              ctx.verify(() -> assertFallback(first, "http_5xx"));
              return agent.analyze(request(2, "BTC/USD", PRICE));
            })
            .compose(second -> {
              ctx.verify(() -> assertFallback(second, "http_5xx"));
              return agent.analyze(request(3, "BTC/USD", PRICE));
            }))
        .onComplete(ctx.succeeding(third -> ctx.verify(() -> {
          assertFallback(third, "circuit_open");
          assertThat(bodies).as("requests that reached the server").hasSize(2);
          assertThat(TradingMetrics.scrape())
              .contains("trading_agent_circuit_state{agent=\"scripted\"} 2.0")
              .contains("trading_agent_remote_calls_total{agent=\"scripted\",backend=\"openai\",outcome=\"circuit_open\"}")
              .contains("trading_agent_degraded_total{agent=\"scripted\",reason=\"circuit_open\"}");
          ctx.completeNow();
        })));
  }

  @Test
  void aRepeatedQuestionIsAnsweredFromTheCacheAndPaidOnce(Vertx vertx, VertxTestContext ctx) {
    JsonObject cacheOn = new JsonObject().put("responseCache", new JsonObject().put("enabled", true));
    deploy(vertx, 5_000, 5, (v, request) -> reply(request, 200, completion(SHORT_ANSWER).encode()), cacheOn)
        .compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE))
            .compose(first -> agent.analyze(request(1, "BTC/USD", PRICE)).map(second -> List.of(first, second))))
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          assertThat(answers).allSatisfy(signal -> {
            assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
            assertThat(signal.getDegraded()).isFalse();
            assertThat(signal.getModelId()).isEqualTo(REMOTE);
          });
          assertThat(bodies).as("requests that reached the server").hasSize(1);
          assertThat(bodies.get(0).getInteger("max_tokens")).isEqualTo(BudgetConfig.DEFAULT_MAX_ANSWER_TOKENS);
          assertThat(TradingMetrics.scrape())
              .contains("trading_agent_response_cache_total{agent=\"scripted\",result=\"hit\"}")
              .contains("trading_agent_tokens_total{agent=\"scripted\",backend=\"openai\",kind=\"prompt\"}")
              .contains("trading_agent_cost_usd_total{agent=\"scripted\",backend=\"openai\"}");
          ctx.completeNow();
        })));
  }

  @Test
  void anExhaustedBudgetFailsClosedWithoutCallingTheServer(Vertx vertx, VertxTestContext ctx) {
    // A prompt is several hundred tokens: a 100-token minute cannot pay for one call.
    JsonObject tinyBudget = new JsonObject().put("budget", new JsonObject().put("tokensPerMinute", 100));
    deploy(vertx, 5_000, 5, (v, request) -> reply(request, 200, completion(SHORT_ANSWER).encode()), tinyBudget)
        .compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "budget_exhausted");
          assertThat(bodies).as("requests that reached the server").isEmpty();
          assertThat(TradingMetrics.scrape()).contains(
              "trading_agent_degraded_total{agent=\"scripted\",reason=\"budget_exhausted\"}");
          ctx.completeNow();
        })));
  }

  private static void assertFallback(AgentSignal signal, String reason) {
    assertThat(signal.getDegraded()).isTrue();
    assertThat(signal.getDegradedReason()).isEqualTo(reason);
    assertThat(signal.getModelId()).isEqualTo(BUILTIN);
    assertThat(signal.getDirection()).as("the built-in model's view").isEqualTo(Direction.LONG);
    assertThat(signal.getStrength()).isEqualTo(0.8);
  }
}
