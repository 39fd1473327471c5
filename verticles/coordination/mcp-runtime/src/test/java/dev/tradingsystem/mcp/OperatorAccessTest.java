package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may call what: read-only tools for viewers (anonymous ones too), operator tools for operators only. */
@ExtendWith(VertxExtension.class)
class OperatorAccessTest {

  private static final CallToolRequest PAUSE =
      new CallToolRequest("pause_strategy", Map.of("strategy_id", "freqtrade-hft.momentum"));

  private DeskFixture desk;
  private McpSyncClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    DeskFixture.start(vertx, DeskFixture.config()).onComplete(ctx.succeeding(fixture -> {
      desk = fixture;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private McpSyncClient connect(String caller) {
    String token = switch (caller) {
      case "anonymous" -> null;
      case "viewer" -> desk.token("bob", McpRole.VIEWER);
      case "operator" -> desk.token("alice", McpRole.OPERATOR);
      case "no-role" -> desk.token("carol");
      default -> throw new IllegalArgumentException(caller);
    };
    client = desk.client(token);
    client.initialize();
    return client;
  }

  @ParameterizedTest(name = "{0} calling pause_strategy: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      anonymous | forbidden | send 'Authorization: Bearer <token>' with a token whose roles claim includes 'operator'
      viewer    | forbidden | caller 'bob' holds [viewer]
      no-role   | forbidden | caller 'carol' holds []
      operator  | paused    | alice
      """)
  void operatorToolsNeedAVerifiedOperatorToken(String caller, String outcome, String detail) {
    McpSyncClient mcp = connect(caller);
    double before = TradingMetrics.rejected("mcp", "pause_strategy", "forbidden").count();

    if (outcome.equals("forbidden")) {
      assertThatThrownBy(() -> mcp.callTool(PAUSE)).isInstanceOfSatisfying(McpError.class, e -> {
        assertThat(e.getJsonRpcError().code()).isEqualTo(McpErrors.FORBIDDEN);
        assertThat(e.getJsonRpcError().message())
            .startsWith("Tool 'pause_strategy' requires the operator role").contains(detail);
      });
      assertThat(TradingMetrics.rejected("mcp", "pause_strategy", "forbidden").count()).isEqualTo(before + 1);
    } else {
      CallToolResult result = mcp.callTool(PAUSE);
      assertThat(result.isError()).isFalse();
      assertThat(new JsonObject((Map<String, Object>) result.structuredContent()))
          .isEqualTo(new JsonObject().put("paused", new JsonArray().add("freqtrade-hft.momentum"))
              .put("by", detail));
    }
  }

  @ParameterizedTest(name = "{0} reading market data: allowed={1}")
  @CsvSource(delimiter = '|', textBlock = """
      anonymous | true
      viewer    | true
      operator  | true
      no-role   | false
      """)
  void readOnlyToolsAndResourcesNeedTheViewerRole(String caller, boolean allowed) {
    McpSyncClient mcp = connect(caller);
    CallToolRequest snapshot = new CallToolRequest("get_market_snapshot", Map.of("symbol", "BTC/USD"));
    ReadResourceRequest agents = new ReadResourceRequest("trading://agents");

    if (allowed) {
      assertThat(mcp.callTool(snapshot).isError()).isFalse();
      assertThat(mcp.readResource(agents).contents()).hasSize(1);
    } else {
      assertThatThrownBy(() -> mcp.callTool(snapshot)).isInstanceOfSatisfying(McpError.class,
          e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpErrors.FORBIDDEN));
      assertThatThrownBy(() -> mcp.readResource(agents)).isInstanceOfSatisfying(McpError.class,
          e -> assertThat(e.getJsonRpcError().message()).isEqualTo("Reading trading://agents requires the viewer role"));
    }
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefusedBeforeAnyTool() {
    String forged = JWTAuth.create(desk.vertx, new JWTAuthOptions()
            .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("another-key-0123456789abcdef-0123")))
        .generateToken(new JsonObject().put("roles", new JsonArray().add("operator")),
            new JWTOptions().setIssuer(DeskFixture.ISSUER).setSubject("mallory"));
    double before = TradingMetrics.rejected("mcp", "http", "unauthenticated").count();
    client = desk.client(forged);

    assertThatThrownBy(() -> client.initialize()).isInstanceOf(RuntimeException.class);
    assertThat(TradingMetrics.rejected("mcp", "http", "unauthenticated").count()).isGreaterThan(before);
  }
}
