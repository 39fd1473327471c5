package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad arguments come back as tool results with {@code isError: true} and a message naming the
 * argument and the rule, so a model can correct its call; each one is counted.
 */
@ExtendWith(VertxExtension.class)
class ToolArgumentValidationTest {

  private DeskFixture desk;
  private McpSyncClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    DeskFixture.start(vertx, DeskFixture.config()).onComplete(ctx.succeeding(fixture -> {
      desk = fixture;
      client = fixture.client(null);
      ctx.completeNow();
    }));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @ParameterizedTest(name = "forecast {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      {}                                       | required property 'symbol' not found
      {"symbol": 42}                           | /symbol: integer found, string expected
      {"symbol": "btc-usd"}                    | /symbol: does not match the regex pattern
      {"symbol": "BTC/USD", "horizon": 0}      | /horizon: must have a minimum value of 1
      {"symbol": "BTC/USD", "horizon": 1441}   | /horizon: must have a maximum value of 1440
      {"symbol": "BTC/USD", "horizon": 2.5}    | /horizon: number found, integer expected
      {"symbol": "BTC/USD", "quantile": "p42"} | /quantile: does not have a value in the enumeration
      {"symbol": "BTC/USD", "horizn": 5}       | property 'horizn' is not defined in the schema
      """)
  void badArgumentsAreToolErrorsThatNameTheRule(String arguments, String expected) {
    client.initialize();
    double before = TradingMetrics.rejected("mcp", "forecast", "invalid_arguments").count();

    CallToolResult result = client.callTool(new CallToolRequest("forecast", new JsonObject(arguments).getMap()));

    assertThat(result.isError()).isTrue();
    assertThat(((TextContent) result.content().get(0)).text())
        .startsWith("Invalid arguments for tool 'forecast': ").contains(expected);
    assertThat(TradingMetrics.rejected("mcp", "forecast", "invalid_arguments").count()).isEqualTo(before + 1);
  }

  @Test
  void allViolationsOfOneCallAreReportedTogether() {
    client.close();
    client = desk.client(desk.token("alice", dev.tradingsystem.mcp.auth.McpRole.OPERATOR));
    client.initialize();

    CallToolResult result = client.callTool(new CallToolRequest("set_weight",
        Map.of("agent", "gpt", "weight", 1.5)));

    assertThat(((TextContent) result.content().get(0)).text())
        .contains("/agent: does not have a value in the enumeration")
        .contains("/weight: must have a maximum value of 1");
  }
}
