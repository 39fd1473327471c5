package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.mcp.auth.McpRole;
import io.modelcontextprotocol.spec.McpError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Vert.x-future client an agent uses to query another service's MCP server, over loopback. */
@ExtendWith(VertxExtension.class)
class McpToolClientTest {

  private DeskFixture desk;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    DeskFixture.start(vertx, DeskFixture.config()).onComplete(ctx.succeeding(fixture -> {
      desk = fixture;
      ctx.completeNow();
    }));
  }

  private Future<McpToolClient> connect(Vertx vertx, String token) {
    return McpToolClient.connect(vertx, URI.create(desk.baseUrl() + "/mcp"), token, "test-agent",
        Duration.ofSeconds(5));
  }

  @Test
  void answersArriveOnTheCallersContext(Vertx vertx, VertxTestContext ctx) {
    Context caller = vertx.getOrCreateContext();
    caller.runOnContext(v -> connect(vertx, null)
        .compose(client -> client.callJson("get_market_snapshot", new JsonObject().put("symbol", "ETH/USD"))
            .map(snapshot -> {
              ctx.verify(() -> assertThat(Vertx.currentContext()).isSameAs(caller));
              return snapshot;
            })
            .compose(snapshot -> client.callText("sentiment", new JsonObject().put("text", "calm markets"))
                .map(text -> snapshot.put("sentiment", text)))
            .eventually(client::close))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(Vertx.currentContext()).isSameAs(caller);
          assertThat(answer).isEqualTo(new JsonObject().put("symbol", "ETH/USD").put("price", 12.25)
              .put("sentiment", "neutral"));
          ctx.completeNow();
        }))));
  }

  @Test
  void aToolErrorFailsTheFutureWithTheToolsMessage(Vertx vertx, VertxTestContext ctx) {
    connect(vertx, null)
        .compose(client -> client.callJson("get_market_snapshot", new JsonObject().put("symbol", "XRP/USD"))
            .eventually(client::close))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(McpToolException.class)
              .hasMessage("Unknown symbol 'XRP/USD'; known: [BTC/USD, ETH/USD]");
          assertThat(((McpToolException) failure).tool()).isEqualTo("get_market_snapshot");
          ctx.completeNow();
        })));
  }

  @Test
  void anOperatorToolNeedsTheOperatorsToken(Vertx vertx, VertxTestContext ctx) {
    JsonObject pause = new JsonObject().put("strategy_id", "hummingbot-mm.as-mm");
    connect(vertx, desk.token("viewer-agent", McpRole.VIEWER))
        .compose(viewer -> viewer.callJson("pause_strategy", pause).eventually(viewer::close))
        .recover(refused -> {
          ctx.verify(() -> assertThat(refused).isInstanceOfSatisfying(McpError.class,
              e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpErrors.FORBIDDEN)));
          return connect(vertx, desk.token("ops", McpRole.OPERATOR))
              .compose(operator -> operator.callJson("pause_strategy", pause)
                  .compose(paused -> operator.readJson("trading://agents").map(agents -> paused.put("agents", agents)))
                  .eventually(operator::close));
        })
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result.getString("by")).isEqualTo("ops");
          assertThat(result.getJsonObject("agents").getJsonArray("agents")).containsExactly("deepseek", "qwen");
          ctx.completeNow();
        })));
  }

  @Test
  void listsTheServersTools(Vertx vertx, VertxTestContext ctx) {
    connect(vertx, null)
        .compose(client -> client.toolNames().eventually(client::close))
        .onComplete(ctx.succeeding(names -> ctx.verify(() -> {
          assertThat(names).contains("get_market_snapshot", "pause_strategy");
          ctx.completeNow();
        })));
  }
}
