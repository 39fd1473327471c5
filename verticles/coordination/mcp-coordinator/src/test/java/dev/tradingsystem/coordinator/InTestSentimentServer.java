package dev.tradingsystem.coordinator;

import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpServerConfig;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.TradingMcpServer;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for fingpt-agent's MCP server at {@code /mcp/fingpt} on the process listener: a
 * {@code sentiment(text)} tool that only verified viewers may call (no anonymous access), so a
 * successful call proves the coordinator authenticated with a token minted from the shared key.
 */
final class InTestSentimentServer extends VerticleBase {

  final List<String> callers = new CopyOnWriteArrayList<>();
  private TradingMcpServer server;

  @Override
  public Future<?> start() {
    McpServerConfig config = McpServerConfig.defaults().withPath("/mcp/fingpt")
        .withAuth(false, CoordinatorMcpFixture.SECRET, null);
    return TradingMcpServer.builder(vertx, ServiceNames.FINGPT, "test")
        .config(config)
        .tool(McpTool.readOnly("sentiment")
            .description("Sentiment of a text")
            .input(InputSchema.object().required("text", SchemaProperty.string("text")))
            .handleJson(call -> {
              callers.add(call.caller().subject());
              boolean bullish = call.string("text").toLowerCase(Locale.ROOT).contains("rally");
              return Future.succeededFuture(new JsonObject()
                  .put("score", bullish ? 0.71 : 0.0)
                  .put("label", bullish ? "bullish" : "neutral")
                  .put("hits", bullish ? 1 : 0)
                  .put("modelId", "fingpt-test-lexicon"));
            })
            .build())
        .mount(ProcessEndpoints.of(vertx).router())
        .onSuccess(mounted -> server = mounted);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
