package dev.tradingsystem.agents.runtime.vertex;

import static dev.tradingsystem.agents.runtime.vertex.LoopbackPredictionService.fail;
import static dev.tradingsystem.agents.runtime.vertex.VertexTesting.count;
import static dev.tradingsystem.agents.runtime.vertex.VertexTesting.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.PredictRequest;
import com.google.cloud.aiplatform.v1.PredictResponse;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Structs;
import com.google.protobuf.util.Values;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PredictionService backend with the default (Model Garden vLLM text) codec against a
 * loopback gRPC server speaking {@code google.cloud.aiplatform.v1.PredictionService/Predict}.
 * The built-in model answers LONG at price 250, the remote model SHORT.
 */
@ExtendWith(VertxExtension.class)
class VertexPredictModelTest {

  private static final String SERVICE = "predict-test-agent";
  private static final String AGENT = "predict-test";
  private static final String ENDPOINT_ID = "1234567890";
  private static final String REMOTE = "vertex:endpoint/" + ENDPOINT_ID + ":" + AGENT + "-features-prompt-v1";
  private static final double PRICE = 250;
  /**
   * Deadline of the tests that are not about the deadline: the first call in a JVM loads the
   * client's classes, which on a loaded build machine can take seconds.
   */
  private static final int ROOMY_MS = 30_000;
  private static final String SHORT_ANSWER =
      "{\"direction\":\"SHORT\",\"strength\":0.6,\"confidence\":0.7,\"rationale\":\"rsi overbought\"}";

  private final LoopbackPredictionService server = new LoopbackPredictionService();

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  /** What Model Garden's vLLM container answers: the prompt echoed, then the generated text. */
  private static PredictResponse generated(String text) {
    return PredictResponse.newBuilder()
        .addPredictions(Values.of("Prompt:\nYou are a trader...\nOutput:\n" + text))
        .setDeployedModelId("loopback-deployed-model")
        .build();
  }

  private static LoopbackPredictionService.Behaviour answering(PredictResponse response) {
    return (v, request, reply) -> reply.end(response);
  }

  private Future<AgentService> deploy(Vertx vertx, int timeoutMs, int maxFailures,
      LoopbackPredictionService.Behaviour behaviour) {
    return server.start(vertx, behaviour)
        .compose(started -> deployOn(vertx, started.apiEndpoint(), timeoutMs, maxFailures));
  }

  private static Future<AgentService> deployOn(Vertx vertx, String apiEndpoint, int timeoutMs, int maxFailures) {
    JsonObject vertex = new JsonObject()
        .put("project", "test-project")
        .put("endpointId", ENDPOINT_ID)
        .put("apiEndpoint", apiEndpoint)
        .put("credentials", "none")
        .put("timeoutMs", timeoutMs)
        .put("maxFailures", maxFailures)
        .put("resetTimeoutMs", 600_000);
    JsonObject config = new JsonObject().put("agents", new JsonObject()
        .put(AGENT, new JsonObject().put("backend", "vertex").put("vertex", vertex)));
    return vertx.deployVerticle(new VertexTestAgent(SERVICE, VertexDefaults.predict()),
            new DeploymentOptions().setConfig(config))
        .map(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, SERVICE));
  }

  private void fallsBack(Vertx vertx, VertxTestContext ctx, int timeoutMs,
      LoopbackPredictionService.Behaviour behaviour, String reason) {
    deploy(vertx, timeoutMs, 5, behaviour)
        .compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, reason);
          assertThat(server.received()).as("requests that reached the server (no client retries)").hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  void aGoodAnswerBecomesTheSignal(Vertx vertx, VertxTestContext ctx) {
    double answerTokens = count("trading_agent_tokens", "agent", AGENT, "kind", "completion");
    deploy(vertx, ROOMY_MS, 5, answering(generated(SHORT_ANSWER)))
        .compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
          assertThat(signal.getStrength()).isEqualTo(0.6);
          assertThat(signal.getRationale()).isEqualTo("rsi overbought");
          assertThat(signal.getModelId()).isEqualTo(REMOTE);
          assertThat(signal.getDegraded()).isFalse();

          assertThat(server.received()).hasSize(1);
          PredictRequest received = server.received().get(0);
          assertThat(received.getEndpoint())
              .isEqualTo("projects/test-project/locations/us-central1/endpoints/" + ENDPOINT_ID);
          assertThat(received.getInstancesList()).hasSize(1);
          Struct instance = received.getInstances(0).getStructValue();
          assertThat(instance.getFieldsOrThrow("prompt").getStringValue())
              .contains("disciplined short-horizon crypto trader").contains("\"direction\"")
              .contains("symbol: BTC/USD").contains("rsi: 71.5");
          assertThat(instance.getFieldsOrThrow("max_tokens").getNumberValue()).isEqualTo(256);
          assertThat(instance.getFieldsOrThrow("temperature").getNumberValue()).isZero();
          assertThat(received.hasParameters()).isFalse();
          assertThat(count("trading_agent_tokens", "agent", AGENT, "kind", "completion") - answerTokens)
              .as("no usage in PredictResponse: the estimate's answer cap is charged").isEqualTo(256);
          ctx.completeNow();
        })));
  }

  @Test
  void aSlowAnswerFallsBackOnTimeout(Vertx vertx, VertxTestContext ctx) {
    // Either order: on a busy machine the client may still be loading when the deadline passes.
    Checkpoint reachedServer = ctx.checkpoint();
    Checkpoint fellBack = ctx.checkpoint();
    deploy(vertx, 150, 5, (v, request, reply) -> {
      reachedServer.flag();
      v.setTimer(3_000, id -> reply.end(generated(SHORT_ANSWER)));
    })
        .compose(agent -> agent.analyze(request(1, "BTC/USD", PRICE)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertFallback(signal, "timeout");
          fellBack.flag();
        })));
  }

  @Test
  void resourceExhaustedIsRateLimiting(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request, reply) -> fail(reply, GrpcStatus.RESOURCE_EXHAUSTED, "Quota exceeded for online prediction"),
        "http_429");
  }

  @Test
  void anUnavailableServerIsAServerError(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request, reply) -> fail(reply, GrpcStatus.UNAVAILABLE, "The model is overloaded"), "http_5xx");
  }

  @Test
  void anInvalidArgumentIsAClientError(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        (v, request, reply) -> fail(reply, GrpcStatus.INVALID_ARGUMENT, "instances[0] is malformed"), "http_4xx");
  }

  @Test
  void generatedTextThatIsNotJsonIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS, answering(generated("The price will go up {direction: LONG")), "invalid_answer");
  }

  @Test
  void generatedTextThatBreaksTheSchemaIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    fallsBack(vertx, ctx, ROOMY_MS,
        answering(generated("{\"direction\":\"UP\",\"strength\":7,\"confidence\":0.5,\"rationale\":\"x\"}")),
        "invalid_answer");
  }

  @Test
  void aPredictionThatIsNotTextIsAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    Value structured = Values.of(Structs.of("direction", Values.of("SHORT")));
    fallsBack(vertx, ctx, ROOMY_MS, answering(PredictResponse.newBuilder().addPredictions(structured).build()),
        "invalid_answer");
  }

  @Test
  void aClosedPortIsUnreachable(Vertx vertx, VertxTestContext ctx) {
    vertx.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1")
        .compose(probe -> {
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
    deploy(vertx, ROOMY_MS, 2, (v, request, reply) -> fail(reply, GrpcStatus.INTERNAL, "container crashed"))
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
          assertThat(server.received()).as("requests that reached the server").hasSize(2);
          assertThat(TradingMetrics.scrape()).contains("trading_agent_circuit_state{agent=\"" + AGENT + "\"} 2.0");
          ctx.completeNow();
        })));
  }

  @Test
  void theSameQuestionTwiceIsAnsweredOnceAndThenFromTheCache(Vertx vertx, VertxTestContext ctx) {
    double hits = count("trading_agent_response_cache", "agent", AGENT, "result", "hit");
    deploy(vertx, ROOMY_MS, 5, answering(generated(SHORT_ANSWER)))
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
  }
}
