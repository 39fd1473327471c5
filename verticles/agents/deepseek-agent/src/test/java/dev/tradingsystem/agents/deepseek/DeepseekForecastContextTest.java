package dev.tradingsystem.agents.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.mcp.StandInCoordinator;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
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
 * The momentum agent consulting the forecaster through the coordinator: with a remote backend and
 * no context configured, deepseek-agent fetches the coordinator's {@code forecast} for the event's
 * symbol and its language model sees the quantiles beside the momentum features. A stand-in
 * coordinator (mcp-runtime) answers as the coordinator routes lagllama-agent's forecast.
 */
@ExtendWith(VertxExtension.class)
class DeepseekForecastContextTest {

  private static final String FORECAST = new JsonObject().put("symbol", "BTC/USD")
      .put("modelId", "lagllama-builtin-garch-fhs-v1").put("horizonSec", 300)
      .put("quantiles", new JsonArray()
          .add(new JsonObject().put("level", 0.1).put("logReturn", -0.0041))
          .add(new JsonObject().put("level", 0.5).put("logReturn", 0.0012))
          .add(new JsonObject().put("level", 0.9).put("logReturn", 0.0063)))
      .encode();
  private static final String LONG_ANSWER =
      "{\"direction\":\"LONG\",\"strength\":0.5,\"confidence\":0.6,\"rationale\":\"trend and forecast agree\"}";

  private final List<JsonObject> prompts = new CopyOnWriteArrayList<>();
  private final List<JsonObject> forecastArguments = new CopyOnWriteArrayList<>();

  @Test
  void theMomentumPromptCarriesTheForecastersQuantiles(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    StandInCoordinator coordinator = new StandInCoordinator(List.of(McpTool.readOnly("forecast")
        .description("stand-in for the coordinator's forecast, routed to lagllama-agent")
        .input(InputSchema.object().required("symbol", SchemaProperty.string("symbol")))
        .handleJson(call -> {
          forecastArguments.add(call.arguments());
          return Future.succeededFuture(new JsonObject(FORECAST));
        })
        .build()));
    AnalyzeRequest up = MomentumModelTest.features("BTC/USD", 0.002, 0.004, 0.010, 0.0005, 801, 800, 60);
    vertx.deployVerticle(coordinator)
        .compose(id -> vertx.createHttpServer()
            .requestHandler(request -> request.body().onSuccess(body -> {
              prompts.add(body.toJsonObject());
              request.response().putHeader("content-type", "application/json").end(new JsonObject()
                  .put("choices", new JsonArray().add(new JsonObject()
                      .put("message", new JsonObject().put("role", "assistant").put("content", LONG_ANSWER))
                      .put("finish_reason", "stop")))
                  .encode());
            }))
            .listen(0, "127.0.0.1"))
        .compose(chat -> vertx.deployVerticle(new DeepseekAgentVerticle(), new DeploymentOptions().setConfig(
            new JsonObject().put("agents", new JsonObject().put("deepseek", new JsonObject()
                .put("backend", "openai")
                .put("openai", new JsonObject()
                    .put("baseUrl", "http://127.0.0.1:" + chat.actualPort() + "/v1")
                    .put("model", "deepseek-test")
                    .put("apiKeyEnv", "NO_SUCH_VARIABLE_IN_TESTS"))
                .put("mcp", new JsonObject().put("coordinatorUrl", coordinator.url()).put("contextTimeoutMs", 5_000)))))))
        .compose(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.DEEPSEEK).analyze(up))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDegraded()).isFalse();
          assertThat(signal.getDirection()).isEqualTo(Direction.LONG);
          assertThat(signal.getModelId()).isEqualTo("openai:deepseek-test:" + MomentumPrompt.VERSION);
          assertThat(forecastArguments).containsExactly(new JsonObject().put("symbol", "BTC/USD"));
          String user = prompts.get(0).getJsonArray("messages").getJsonObject(1).getString("content");
          assertThat(user).contains("return_short: 0.002")
              .endsWith("context (answers of the trading system's tools, as of this event):\n"
                  + "- forecast {\"symbol\":\"BTC/USD\"}: " + FORECAST + "\n");
          ctx.completeNow();
        })));
  }
}
