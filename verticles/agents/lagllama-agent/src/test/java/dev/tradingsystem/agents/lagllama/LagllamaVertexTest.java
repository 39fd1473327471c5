package dev.tradingsystem.agents.lagllama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.cloud.aiplatform.v1.PredictRequest;
import com.google.cloud.aiplatform.v1.PredictResponse;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Values;
import dev.tradingsystem.agents.runtime.vertex.LoopbackPredictionService;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The forecasting agent with Lag-Llama on a Vertex AI endpoint, through a loopback
 * {@code PredictionService}: the built-in forecaster answers (degraded {@code not_ready}) until
 * the context window is full, then the endpoint's quantiles become the signal.
 */
@ExtendWith(VertxExtension.class)
class LagllamaVertexTest {

  private static final int CONTEXT = 32;
  private static final String ENDPOINT_ID = "777";

  private final LoopbackPredictionService server = new LoopbackPredictionService();
  private final SyntheticCandles candles = new SyntheticCandles("BTC/USD");

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  private static PredictResponse quantiles(double q10, double q50, double q90) {
    Struct byLevel = Struct.newBuilder()
        .putFields("0.1", Values.of(q10)).putFields("0.5", Values.of(q50)).putFields("0.9", Values.of(q90)).build();
    return PredictResponse.newBuilder()
        .addPredictions(Values.of(Struct.newBuilder().putFields("quantiles", Values.of(byLevel)).build()))
        .build();
  }

  private Future<AgentService> deploy(Vertx vertx, PredictResponse answer) {
    return server.start(vertx, (v, request, reply) -> reply.end(answer)).compose(started -> {
      JsonObject vertex = new JsonObject()
          .put("project", "test-project")
          .put("location", "us-east4")
          .put("endpointId", ENDPOINT_ID)
          .put("apiEndpoint", started.apiEndpoint())
          .put("credentials", "none")
          .put("contextLength", CONTEXT)
          // Not about the deadline: room for loading the gRPC client on a busy build machine.
          .put("timeoutMs", 30_000);
      JsonObject config = new JsonObject().put("agents", new JsonObject()
          .put("lagllama", new JsonObject().put("backend", "vertex").put("vertex", vertex)));
      return vertx.deployVerticle(new LagllamaAgentVerticle(), new DeploymentOptions().setConfig(config));
    }).map(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.LAGLLAMA));
  }

  /** Asks about {@code n} consecutive candles, one at a time, and collects the signals. */
  private Future<List<AgentSignal>> askCandles(AgentService agent, int n) {
    List<AgentSignal> signals = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 1; i <= n; i++) {
      double r = 0.0005 * ((i % 5) - 2);
      chain = chain.compose(v -> agent.analyze(candles.next(r)).map(signal -> {
        signals.add(signal);
        return null;
      }));
    }
    return chain.map(v -> signals);
  }

  @Test
  void theEndpointsQuantilesBecomeTheSignalOnceTheContextIsFull(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, quantiles(-0.004, 0.002, 0.006))
        .compose(agent -> askCandles(agent, CONTEXT + 1))
        .onComplete(ctx.succeeding(signals -> ctx.verify(() -> {
          for (AgentSignal warmingUp : signals.subList(0, CONTEXT)) {
            assertThat(warmingUp.getDegraded()).isTrue();
            assertThat(warmingUp.getDegradedReason()).isEqualTo("not_ready");
            assertThat(warmingUp.getModelId()).isEqualTo(ForecastModel.MODEL_ID);
          }
          AgentSignal remote = signals.get(CONTEXT);
          assertThat(remote.getDegraded()).as(remote.getDegradedReason()).isFalse();
          assertThat(remote.getModelId()).isEqualTo("vertex:endpoint/" + ENDPOINT_ID + ":lagllama-quantiles-v1");
          assertThat(remote.getDirection()).isEqualTo(Direction.LONG);
          assertThat(remote.getHorizonSec())
              .isEqualTo(ForecastConfig.DEFAULT_HORIZON_CANDLES * SyntheticCandles.INTERVAL_SEC);
          assertThat(remote.getQuantilesList()).extracting(q -> q.getLevel() + "=" + q.getValue())
              .containsExactly("0.1=-0.004", "0.5=0.002", "0.9=0.006");

          assertThat(server.received()).as("only a full context is sent").hasSize(1);
          PredictRequest request = server.received().get(0);
          assertThat(request.getEndpoint())
              .isEqualTo("projects/test-project/locations/us-east4/endpoints/" + ENDPOINT_ID);
          Struct instance = request.getInstances(0).getStructValue();
          List<Value> target = instance.getFieldsOrThrow("target").getListValue().getValuesList();
          assertThat(target).hasSize(CONTEXT);
          assertThat(target.get(CONTEXT - 1).getNumberValue()).isCloseTo(0.0005 * ((CONTEXT + 1) % 5 - 2),
              within(1e-9));
          assertThat(instance.getFieldsOrThrow("prediction_length").getNumberValue()).isEqualTo(5);
          assertThat(instance.getFieldsOrThrow("freq").getStringValue()).isEqualTo("60S");
          ctx.completeNow();
        })));
  }

  @Test
  void quantilesThatDecreaseAreAnInvalidAnswer(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, quantiles(0.006, 0.002, -0.004))
        .compose(agent -> askCandles(agent, CONTEXT + 1))
        .onComplete(ctx.succeeding(signals -> ctx.verify(() -> {
          AgentSignal last = signals.get(CONTEXT);
          assertThat(last.getDegraded()).isTrue();
          assertThat(last.getDegradedReason()).isEqualTo("invalid_answer");
          assertThat(last.getModelId()).isEqualTo(ForecastModel.MODEL_ID);
          assertThat(server.received()).hasSize(1);
          ctx.completeNow();
        })));
  }
}
