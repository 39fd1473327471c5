package dev.tradingsystem.agents.runtime;

import static dev.tradingsystem.agents.runtime.AgentVerticleTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.mcp.StandInCoordinator;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolCall;
import dev.tradingsystem.mcp.ToolRejection;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prompt context from the coordinator's MCP tools: a stand-in coordinator built with mcp-runtime
 * answers {@code forecast} and {@code get_market_snapshot}, an OpenAI-compatible loopback server
 * records the prompts. What answered in time is in the remote prompt; a failing, slow or
 * unreachable tool leaves it out and never degrades the signal; the built-in path asks nothing.
 */
@ExtendWith(VertxExtension.class)
class RemotePromptContextTest {

  private static final String SHORT_ANSWER =
      "{\"direction\":\"SHORT\",\"strength\":0.6,\"confidence\":0.7,\"rationale\":\"forecast skews down\"}";
  private static final String FORECAST = "{\"symbol\":\"BTC/USD\",\"quantiles\":[{\"level\":0.5,\"logReturn\":-0.002}]}";

  private final List<JsonObject> prompts = new CopyOnWriteArrayList<>();
  private StandInCoordinator coordinator;

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  /** A stand-in tool taking a symbol that answers with {@code handler}. */
  private McpTool tool(String name, Function<ToolCall, Future<JsonObject>> handler) {
    return McpTool.readOnly(name)
        .description("stand-in for the coordinator's " + name)
        .input(InputSchema.object().required("symbol", SchemaProperty.string("symbol"))
            .optional("horizon", SchemaProperty.integer("horizon")))
        .handleJson(call -> {
          coordinator.calls.add(name);
          return handler.apply(call);
        })
        .build();
  }

  private static Future<JsonObject> answer(String json) {
    return Future.succeededFuture(new JsonObject(json));
  }

  /**
   * Starts the stand-in coordinator with {@code tools} and the chat server, deploys the scripted
   * agent with {@code mcp} merged into {@code agents.scripted.mcp}, and returns its service.
   */
  private Future<AgentService> deploy(Vertx vertx, List<McpTool> tools, String backend, JsonObject mcp,
      JsonObject agentOverrides) {
    coordinator = new StandInCoordinator(tools);
    return vertx.deployVerticle(coordinator)
        .compose(id -> vertx.createHttpServer()
            .requestHandler(request -> request.body().onSuccess(body -> {
              prompts.add(body.toJsonObject());
              request.response().putHeader("content-type", "application/json")
                  .end(OpenAiChatModelTest.completion(SHORT_ANSWER).encode());
            }))
            .listen(0, "127.0.0.1"))
        .compose(chat -> {
          JsonObject agent = new JsonObject()
              .put("backend", backend)
              .put("openai", new JsonObject()
                  .put("baseUrl", "http://127.0.0.1:" + chat.actualPort() + "/v1")
                  .put("model", "test-model")
                  .put("apiKeyEnv", "NO_SUCH_VARIABLE_IN_TESTS"))
              .put("responseCache", new JsonObject().put("enabled", false))
              // A generous deadline unless a test sets one: a cold first connection must not decide a test.
              .put("mcp", new JsonObject().put("coordinatorUrl", coordinator.url()).put("contextTimeoutMs", 5_000)
                  .mergeIn(mcp))
              .mergeIn(agentOverrides, true);
          return vertx.deployVerticle(new ScriptedAgentVerticle(), new DeploymentOptions().setConfig(
              new JsonObject().put("agents", new JsonObject().put("scripted", agent))));
        })
        .map(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ScriptedAgentVerticle.SERVICE));
  }

  /** Completes once the agent's context client has connected, as its run report says. */
  private static Future<Void> connected(Vertx vertx) {
    return ServiceStats.fetch(vertx, ScriptedAgentVerticle.SERVICE, 5_000).compose(stats -> {
      if (stats.getJsonObject("mcp").getJsonObject("context").getBoolean("connected")) {
        return Future.succeededFuture();
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(20, id -> connected(vertx).onComplete(later));
      return later.future();
    });
  }

  private String userMessage(int call) {
    return prompts.get(call).getJsonArray("messages").getJsonObject(1).getString("content");
  }

  private static double fetches(String tool, String outcome) {
    return TradingMetrics.counter("trading_agent_context_fetch", "Prompt-context tool calls of an agent, by outcome",
        "agent", "scripted", "tool", tool, "outcome", outcome).count();
  }

  private static void assertRemoteAndUndegraded(AgentSignal signal) {
    assertThat(signal.getDegraded()).isFalse();
    assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
    assertThat(signal.getModelId()).isEqualTo("openai:test-model:scripted-features-prompt-v1");
  }

  @Test
  void theFetchedContextIsInTheRemotePrompt(Vertx vertx, VertxTestContext ctx) {
    double okBefore = fetches("forecast", "ok");
    List<McpTool> tools = List.of(
        tool("forecast", call -> answer(FORECAST)),
        tool("get_market_snapshot", call -> answer("{\"symbol\":\"" + call.string("symbol") + "\",\"price\":250.5}")));
    JsonObject mcp = new JsonObject().put("context", new JsonArray()
        .add("forecast(symbol=$symbol;horizon=300)").add("get_market_snapshot"));
    deploy(vertx, tools, "openai", mcp, new JsonObject())
        .compose(agent -> agent.analyze(request(1, "BTC/USD", 250)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertRemoteAndUndegraded(signal);
          assertThat(coordinator.calls).containsExactlyInAnyOrder("forecast", "get_market_snapshot");
          assertThat(userMessage(0))
              .contains("symbol: BTC/USD")
              .contains("context (answers of the trading system's tools, as of this event):\n"
                  + "- forecast {\"symbol\":\"BTC/USD\",\"horizon\":300}: " + FORECAST + "\n"
                  + "- get_market_snapshot {\"symbol\":\"BTC/USD\"}: {\"symbol\":\"BTC/USD\",\"price\":250.5}\n");
          assertThat(userMessage(0).indexOf("context (")).as("after the event").isGreaterThan(
              userMessage(0).indexOf("price: 250"));
          assertThat(fetches("forecast", "ok")).isEqualTo(okBefore + 1);
          ctx.completeNow();
        })));
  }

  @Test
  void aFailingAndASlowToolAreLeftOutAndTheSignalIsNotDegraded(Vertx vertx, VertxTestContext ctx) {
    double refusedBefore = fetches("forecast", "tool_error");
    double lateBefore = fetches("get_market_snapshot", "timeout");
    List<McpTool> tools = List.of(
        tool("forecast", call -> Future.failedFuture(new ToolRejection("unknown_symbol", "no forecast for BTC/USD"))),
        tool("get_market_snapshot", call -> Promise.<JsonObject>promise().future()));
    JsonObject mcp = new JsonObject().put("context", new JsonArray().add("forecast").add("get_market_snapshot"))
        .put("contextTimeoutMs", 2_000);
    deploy(vertx, tools, "openai", mcp, new JsonObject())
        // The stalled tool must be the only late one: connect first, so a cold start cannot decide the outcome.
        .compose(agent -> connected(vertx).map(agent))
        .compose(agent -> agent.analyze(request(1, "BTC/USD", 250)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertRemoteAndUndegraded(signal);
          assertThat(userMessage(0)).contains("symbol: BTC/USD").doesNotContain("context");
          assertThat(fetches("forecast", "tool_error")).isEqualTo(refusedBefore + 1);
          assertThat(fetches("get_market_snapshot", "timeout")).isEqualTo(lateBefore + 1);
          ctx.completeNow();
        })));
  }

  @Test
  void anUnreachableCoordinatorLeavesThePromptWithoutContext(Vertx vertx, VertxTestContext ctx) {
    double before = fetches("forecast", "unreachable");
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    JsonObject mcp = new JsonObject().put("context", new JsonArray().add("forecast"))
        .put("coordinatorUrl", "http://127.0.0.1:9/mcp");
    deploy(vertx, List.of(tool("forecast", call -> answer(FORECAST))), "openai", mcp, new JsonObject())
        .compose(agent -> agent.analyze(request(1, "BTC/USD", 250)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertRemoteAndUndegraded(signal);
          assertThat(userMessage(0)).doesNotContain("context");
          assertThat(fetches("forecast", "unreachable")).isEqualTo(before + 1);
          ctx.completeNow();
        })));
  }

  @Test
  void theContextIsPartOfTheCachedQuestion(Vertx vertx, VertxTestContext ctx) {
    AtomicInteger forecasts = new AtomicInteger();
    List<McpTool> tools = List.of(tool("forecast", call -> Future.succeededFuture(
        new JsonObject().put("symbol", call.string("symbol")).put("revision", forecasts.incrementAndGet() / 2))));
    JsonObject mcp = new JsonObject().put("context", new JsonArray().add("forecast"));
    JsonObject cacheOn = new JsonObject().put("responseCache", new JsonObject().put("enabled", true));
    // Revisions 0, 1, 1: the first two questions differ only in context, the last two not at all.
    deploy(vertx, tools, "openai", mcp, cacheOn)
        .compose(agent -> agent.analyze(request(1, "BTC/USD", 250))
            .compose(first -> agent.analyze(request(1, "BTC/USD", 250)))
            .compose(second -> agent.analyze(request(1, "BTC/USD", 250))))
        .onComplete(ctx.succeeding(third -> ctx.verify(() -> {
          assertRemoteAndUndegraded(third);
          assertThat(forecasts).hasValue(3);
          assertThat(prompts).as("a changed context is a new question; an equal one is answered from the cache")
              .hasSize(2);
          assertThat(userMessage(0)).contains("\"revision\":0");
          assertThat(userMessage(1)).contains("\"revision\":1");
          ctx.completeNow();
        })));
  }

  @Test
  void theBuiltInPathNeverFetchesContext(Vertx vertx, VertxTestContext ctx) {
    JsonObject mcp = new JsonObject().put("context", new JsonArray().add("forecast"));
    deploy(vertx, List.of(tool("forecast", call -> answer(FORECAST))), "builtin", mcp, new JsonObject())
        .compose(agent -> agent.analyze(request(1, "BTC/USD", 250)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getModelId()).isEqualTo("scripted-builtin-v1");
          assertThat(signal.getDegraded()).isFalse();
          assertThat(coordinator.calls).isEmpty();
          assertThat(prompts).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  void theRunReportCountsContextFetches(Vertx vertx, VertxTestContext ctx) {
    JsonObject mcp = new JsonObject().put("context", new JsonArray().add("forecast"));
    deploy(vertx, List.of(tool("forecast", call -> answer(FORECAST))), "openai", mcp, new JsonObject())
        .compose(agent -> agent.analyze(request(1, "BTC/USD", 250)))
        .compose(signal -> ServiceStats.fetch(vertx, ScriptedAgentVerticle.SERVICE, 5_000))
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          JsonObject mcpStats = stats.getJsonObject("mcp");
          assertThat(mcpStats.getString("path")).isEqualTo("/mcp/scripted");
          assertThat(mcpStats.getJsonObject("context").getLong("ok")).isEqualTo(1);
          assertThat(mcpStats.getJsonObject("context").getString("endpoint")).isEqualTo(coordinator.url());
          assertThat(mcpStats.getJsonObject("context").getBoolean("connected")).isTrue();
          ctx.completeNow();
        })));
  }
}
