package dev.tradingsystem.agents.runtime;

import static dev.tradingsystem.agents.runtime.AgentVerticleTest.request;
import static dev.tradingsystem.agents.runtime.mcp.AgentMcpClients.json;
import static dev.tradingsystem.agents.runtime.mcp.AgentMcpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.mcp.AgentMcpClients;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.TradingMcpServer;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every agent's MCP endpoint on the process listener, reached with the MCP SDK's own client over
 * loopback: the runtime's {@code analyze} tool, argument validation, co-located agents on their
 * own paths, and the endpoint leaving with the agent. The blocking client runs on the test thread.
 */
@ExtendWith(VertxExtension.class)
class AgentMcpServerTest {

  private Vertx vertx;
  private int port;
  private McpSyncClient client;

  @BeforeEach
  void listen(Vertx vertx) throws Exception {
    this.vertx = vertx;
    ProtobufCodecs.registerAll(vertx);
    port = await(ProcessEndpoints.of(vertx).listen("127.0.0.1", 0)).actualPort();
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private String deploy(String service, JsonObject config) throws Exception {
    return await(vertx.deployVerticle(new ScriptedAgentVerticle(service, System::getenv),
        new DeploymentOptions().setConfig(config)));
  }

  private McpSyncClient connect(String path) {
    client = AgentMcpClients.client(port, path);
    client.initialize();
    return client;
  }

  private int status(String path) throws Exception {
    return await(vertx.createHttpClient().request(HttpMethod.POST, port, "127.0.0.1", path)
        .compose(request -> request.putHeader("content-type", "application/json")
            .send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
        .map(response -> response.statusCode()));
  }

  @Test
  void theAgentAnnouncesItselfAndListsAnalyze() throws Exception {
    deploy(ScriptedAgentVerticle.SERVICE, new JsonObject());
    McpSyncClient mcp = AgentMcpClients.client(port, "/mcp/scripted");
    client = mcp;

    McpSchema.InitializeResult init = mcp.initialize();

    assertThat(init.serverInfo().name()).isEqualTo(ScriptedAgentVerticle.SERVICE);
    assertThat(init.instructions()).contains("Tools: analyze");
    McpSchema.Tool analyze = mcp.listTools().tools().get(0);
    assertThat(analyze.name()).isEqualTo("analyze");
    assertThat(analyze.annotations().readOnlyHint()).isTrue();
    assertThat(analyze.inputSchema()).containsEntry("required", List.of("symbol"));
  }

  @Test
  void analyzeReportsTheLatestSignalPerSymbol() throws Exception {
    deploy(ScriptedAgentVerticle.SERVICE, new JsonObject());
    AgentService agent = ServiceRegistry.of(vertx).lookup(AgentService.class, ScriptedAgentVerticle.SERVICE);
    await(agent.analyze(request(7, "BTC/USD", 250)));
    await(agent.analyze(request(8, "BTC/USD", 100)));
    McpSyncClient mcp = connect("/mcp/scripted");

    CallToolResult latest = mcp.callTool(new CallToolRequest("analyze", Map.of("symbol", "BTC/USD")));
    CallToolResult never = mcp.callTool(new CallToolRequest("analyze", Map.of("symbol", "ETH/USD")));

    assertThat(latest.isError()).isFalse();
    JsonObject signal = json(latest);
    assertThat(signal.getString("direction")).as("the FLAT answer of seq 8, not the LONG of seq 7").isEqualTo("FLAT");
    assertThat(signal.getString("agent")).isEqualTo("scripted");
    assertThat(signal.getString("modelId")).isEqualTo("scripted-builtin-v1");
    assertThat(signal.getDouble("confidence")).isEqualTo(0.4);
    assertThat(signal.getBoolean("degraded")).isFalse();
    assertThat(signal.getJsonObject("event").getLong("seq")).isEqualTo(8);
    assertThat(signal.getJsonObject("event").getString("signalId")).isEqualTo("sig-scripted-md-8");
    assertThat(never.isError()).isTrue();
    assertThat(text(never)).isEqualTo("the scripted agent has not analysed ETH/USD yet");
  }

  @Test
  void argumentsOutsideTheSchemaAreToolErrors() throws Exception {
    deploy(ScriptedAgentVerticle.SERVICE, new JsonObject());
    McpSyncClient mcp = connect("/mcp/scripted");

    CallToolResult lowerCase = mcp.callTool(new CallToolRequest("analyze", Map.of("symbol", "btc-usd")));
    CallToolResult missing = mcp.callTool(new CallToolRequest("analyze", Map.of()));
    CallToolResult extra = mcp.callTool(new CallToolRequest("analyze", Map.of("symbol", "BTC/USD", "depth", 5)));

    assertThat(List.of(lowerCase, missing, extra)).allSatisfy(result -> {
      assertThat(result.isError()).isTrue();
      assertThat(text(result)).startsWith("Invalid arguments for tool 'analyze'");
    });
    assertThat(text(lowerCase)).contains("/symbol");
  }

  @Test
  void coLocatedAgentsServeOnTheirOwnPaths() throws Exception {
    deploy(ScriptedAgentVerticle.SERVICE, new JsonObject());
    deploy("other-agent", new JsonObject());
    await(ServiceRegistry.of(vertx).lookup(AgentService.class, "other-agent").analyze(request(3, "ETH/USD", 20)));

    CallToolResult mine = connect("/mcp/scripted").callTool(new CallToolRequest("analyze", Map.of("symbol", "ETH/USD")));
    client.close();
    CallToolResult theirs = connect("/mcp/other").callTool(new CallToolRequest("analyze", Map.of("symbol", "ETH/USD")));

    assertThat(mine.isError()).as("scripted never analysed ETH/USD").isTrue();
    assertThat(json(theirs).getString("agent")).isEqualTo("other");
    assertThat(json(theirs).getString("direction")).isEqualTo("SHORT");
  }

  @Test
  void theCoordinatorsEndpointAndTheAgentsShareTheListener() throws Exception {
    Router router = ProcessEndpoints.of(vertx).router();
    await(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return TradingMcpServer.builder(vertx, "coordinator-stand-in", "1")
            .tool(McpTool.readOnly("get_consensus").description("stand-in")
                .handleJson(call -> Future.succeededFuture(new JsonObject())).build())
            .mount(router);
      }
    }));
    deploy(ScriptedAgentVerticle.SERVICE, new JsonObject());

    List<McpSchema.Tool> coordinator = connect("/mcp").listTools().tools();
    client.close();
    List<McpSchema.Tool> agent = connect("/mcp/scripted").listTools().tools();

    assertThat(coordinator).extracting(McpSchema.Tool::name).containsExactly("get_consensus");
    assertThat(agent).extracting(McpSchema.Tool::name).containsExactly("analyze");
  }

  @Test
  void theEndpointLeavesWithTheAgentAndComesBackWithIt() throws Exception {
    String id = deploy(ScriptedAgentVerticle.SERVICE, new JsonObject());
    assertThat(status("/mcp/scripted")).isEqualTo(200);

    await(vertx.undeploy(id));
    assertThat(status("/mcp/scripted")).isEqualTo(404);

    deploy(ScriptedAgentVerticle.SERVICE, new JsonObject());
    assertThat(connect("/mcp/scripted").listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("analyze");
  }

  @Test
  void configMovesOrDisablesTheEndpoint() throws Exception {
    deploy(ScriptedAgentVerticle.SERVICE, new JsonObject().put("agents", new JsonObject()
        .put("scripted", new JsonObject().put("mcp", new JsonObject().put("path", "/tools/scripted")))));
    deploy("other-agent", new JsonObject().put("agents", new JsonObject()
        .put("other", new JsonObject().put("mcp", new JsonObject().put("enabled", false)))));

    assertThat(status("/tools/scripted")).isEqualTo(200);
    assertThat(status("/mcp/scripted")).isEqualTo(404);
    assertThat(status("/mcp/other")).isEqualTo(404);
  }
}
