package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.mcp.McpErrors;
import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.MissingAgent;
import dev.tradingsystem.proto.StrategyAction;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.shared.Addresses;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Operator tools over MCP: refused without a verified operator token, and when accepted they
 * change the very next consensus (weights, who is asked, who is on the panel).
 */
class CoordinatorMcpOperatorTest extends CoordinatorMcpTestBase {

  private McpSyncClient operator() {
    client = fixture.client(fixture.token("alice", McpRole.OPERATOR));
    return client;
  }

  private static JsonObject read(McpSyncClient mcp, String uri) {
    return new JsonObject(((TextResourceContents) mcp.readResource(new McpSchema.ReadResourceRequest(uri))
        .contents().get(0)).text());
  }

  @ParameterizedTest(name = "{0} calling {1}")
  @CsvSource(delimiter = '|', textBlock = """
      anonymous | set_weight     | {"agent": "deepseek", "weight": 2}
      viewer    | set_weight     | {"agent": "deepseek", "weight": 2}
      anonymous | pause_agent    | {"agent": "qwen"}
      viewer    | promote_shadow | {"agent": "fingpt"}
      viewer    | resume_agent   | {"agent": "qwen"}
      viewer    | pause_strategy | {"strategy": "freqtrade-hft.momentum"}
      anonymous | resume_strategy | {"strategy": "freqtrade-hft.momentum"}
      """)
  void operatorToolsAreRefusedToAnyoneButAnOperator(String caller, String tool, String arguments) {
    client = fixture.client(caller.equals("viewer") ? fixture.token("bob", McpRole.VIEWER) : null);
    CallToolRequest request = new CallToolRequest(tool, new JsonObject(arguments).getMap());

    assertThatThrownBy(() -> client.callTool(request)).isInstanceOfSatisfying(McpError.class, e -> {
      assertThat(e.getJsonRpcError().code()).isEqualTo(McpErrors.FORBIDDEN);
      assertThat(e.getJsonRpcError().message()).startsWith("Tool '" + tool + "' requires the operator role");
    });
    assertThat(fixture.coordinator.state().members().paused()).isEmpty();
    assertThat(fixture.coordinator.state().members().shadows()).containsExactly("fingpt-agent");
  }

  @Test
  void setWeightChangesTheWeightTheNextConsensusFusesWith() {
    Consensus before = fixture.tick(1, 800.00);
    McpSyncClient mcp = operator();

    JsonObject set = json(mcp.callTool(new CallToolRequest("set_weight", Map.of("agent", "deepseek", "weight", 2.5))));
    Consensus after = fixture.tick(2, 800.50);
    JsonObject weights = read(mcp, "trading://weights").getJsonObject("agents").getJsonObject("deepseek");

    assertThat(before.getSignalWeightsList()).containsExactly(1.0, 1.0, 1.0);
    assertThat(set.getDouble("previousBase")).isEqualTo(1.0);
    assertThat(set.getDouble("base")).isEqualTo(2.5);
    assertThat(set.getDouble("weight")).isEqualTo(2.5);
    assertThat(set.getBoolean("overridden")).isTrue();
    assertThat(set.getBoolean("persisted")).as("replays keep no weights file by default").isFalse();
    assertThat(set.getString("by")).isEqualTo("alice");
    assertThat(after.getSignals(0).getAgent()).isEqualTo("deepseek");
    assertThat(after.getSignalWeightsList()).containsExactly(2.5, 1.0, 1.0);
    assertThat(after.getExpectedEdgeBps()).isNotCloseTo(before.getExpectedEdgeBps(), within(1e-9));
    assertThat(weights.getDouble("baseWeight")).isEqualTo(2.5);
    assertThat(weights.getDouble("configuredBase")).isEqualTo(1.0);
    assertThat(weights.getBoolean("overridden")).isTrue();
  }

  @Test
  void aWeightOutOfRangeIsAToolErrorAndChangesNothing() {
    fixture.tick(1, 800.00);
    McpSyncClient mcp = operator();

    CallToolResult result = mcp.callTool(new CallToolRequest("set_weight", Map.of("agent", "deepseek", "weight", -1)));
    CallToolResult unknownAgent = mcp.callTool(new CallToolRequest("set_weight", Map.of("agent", "gpt", "weight", 1)));

    assertThat(result.isError()).isTrue();
    assertThat(((TextContent) result.content().get(0)).text())
        .isEqualTo("Invalid arguments for tool 'set_weight': /weight: must have a minimum value of 0");
    assertThat(((TextContent) unknownAgent.content().get(0)).text()).contains("/agent: does not have a value in the enumeration");
    assertThat(fixture.tick(2, 800.50).getSignalWeightsList()).containsExactly(1.0, 1.0, 1.0);
  }

  @Test
  void aPausedAgentIsMissingWithReasonPausedUntilResumed() {
    fixture.tick(1, 800.00);
    McpSyncClient mcp = operator();

    JsonObject paused = json(mcp.callTool(new CallToolRequest("pause_agent", Map.of("agent", "qwen"))));
    Consensus withoutQwen = fixture.tick(2, 800.50);
    JsonObject agents = read(mcp, "trading://agents");
    JsonObject resumed = json(mcp.callTool(new CallToolRequest("resume_agent", Map.of("agent", "qwen"))));
    Consensus withQwen = fixture.tick(3, 801.00);

    assertThat(paused.getBoolean("changed")).isTrue();
    assertThat(paused.getJsonArray("paused")).containsExactly("qwen");
    assertThat(paused.getJsonObject("quorum").getInteger("activePanel")).isEqualTo(2);
    assertThat(paused.containsKey("warning")).as("2 of 2 still meet the quorum").isFalse();
    assertThat(withoutQwen.getMissingList()).containsExactly(MissingAgent.newBuilder()
        .setAgent("qwen-agent").setReason("paused").setDetail("paused by alice").build());
    assertThat(withoutQwen.getSignalsList()).extracting(s -> s.getAgent()).containsExactly("deepseek", "lagllama");
    assertThat(withoutQwen.getDegraded()).as("nothing failed: deepseek and lagllama answered from their models").isFalse();
    assertThat(withoutQwen.getQuorum()).isTrue();
    assertThat(agents.getJsonArray("agents").getJsonObject(1).getBoolean("paused")).isTrue();
    assertThat(resumed.getJsonArray("paused")).isEmpty();
    assertThat(withQwen.getMissingList()).isEmpty();
    assertThat(withQwen.getSignalsList()).extracting(s -> s.getAgent()).containsExactly("deepseek", "qwen", "lagllama");
  }

  @Test
  void pausingBelowTheQuorumWarnsThatEveryConsensusWillBeFlat() {
    McpSyncClient mcp = operator();
    json(mcp.callTool(new CallToolRequest("pause_agent", Map.of("agent", "deepseek"))));

    JsonObject second = json(mcp.callTool(new CallToolRequest("pause_agent", Map.of("agent", "lagllama"))));
    Consensus flat = fixture.tick(1, 800.00);

    assertThat(second.getString("warning")).startsWith("Only 1 panel agent(s) are asked, fewer than the quorum of 2");
    assertThat(flat.getQuorum()).isFalse();
    assertThat(flat.getDirection().name()).isEqualTo("FLAT");
  }

  @Test
  void aPromotedShadowAgentIsFusedIntoTheNextConsensus() {
    Consensus before = fixture.tick(1, 800.00);
    McpSyncClient mcp = operator();

    JsonObject promoted = json(mcp.callTool(new CallToolRequest("promote_shadow", Map.of("agent", "fingpt"))));
    JsonObject again = json(mcp.callTool(new CallToolRequest("promote_shadow", Map.of("agent", "fingpt"))));
    Consensus after = fixture.tick(2, 800.50);
    JsonObject fingpt = read(mcp, "trading://agents").getJsonArray("agents").getJsonObject(3);

    assertThat(before.getSignalsList()).extracting(s -> s.getAgent()).doesNotContain("fingpt");
    assertThat(promoted.getBoolean("changed")).isTrue();
    assertThat(promoted.getJsonArray("panel")).containsExactly("deepseek", "qwen", "lagllama", "fingpt");
    assertThat(again.getBoolean("changed")).as("already on the panel").isFalse();
    assertThat(after.getSignalsList()).extracting(s -> s.getAgent()).containsExactly("deepseek", "qwen", "lagllama",
        "fingpt");
    assertThat(fingpt.getString("role")).isEqualTo("panel");
    assertThat(fingpt.getBoolean("promoted")).isTrue();
  }

  @Test
  void pauseStrategyTellsTheFrameworksOnTheStrategyControlAddress() {
    List<StrategyCommand> heard = new CopyOnWriteArrayList<>();
    fixture.vertx.eventBus().<StrategyCommand>consumer(Addresses.STRATEGY_CONTROL, msg -> heard.add(msg.body()));
    McpSyncClient mcp = operator();

    JsonObject paused = json(mcp.callTool(new CallToolRequest("pause_strategy",
        Map.of("strategy", "freqtrade-hft.momentum", "reason", "review after drawdown"))));
    CallToolResult malformed = mcp.callTool(new CallToolRequest("resume_strategy", Map.of("strategy", "momentum")));

    await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 1);
    StrategyCommand command = heard.get(0);
    assertThat(command.getStrategyId()).isEqualTo("freqtrade-hft.momentum");
    assertThat(command.getAction()).isEqualTo(StrategyAction.PAUSE);
    assertThat(command.getOperatorId()).isEqualTo("alice");
    assertThat(command.getReason()).isEqualTo("review after drawdown");
    assertThat(paused.getString("action")).isEqualTo("pause");
    assertThat(paused.getString("commandId")).isEqualTo(command.getMeta().getId());
    assertThat(malformed.isError()).as("an id without its framework prefix is refused").isTrue();
  }
}
