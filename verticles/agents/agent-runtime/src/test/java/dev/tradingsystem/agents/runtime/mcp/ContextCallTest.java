package dev.tradingsystem.agents.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an entry of {@code agents.<short>.mcp.context} becomes a tool call for an event on BTC/USD. */
class ContextCallTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      forecast                                     | forecast            | {"symbol":"BTC/USD"}
      '  get_market_snapshot '                     | get_market_snapshot | {"symbol":"BTC/USD"}
      forecast(symbol=$symbol;horizon=300)         | forecast            | {"symbol":"BTC/USD","horizon":300}
      get_features(symbol=ETH/USD; timeframe=1m)   | get_features        | {"symbol":"ETH/USD","timeframe":"1m"}
      get_risk_state()                             | get_risk_state      | {}
      score(threshold=0.25;strict=true;label=-1)   | score               | {"threshold":0.25,"strict":true,"label":-1}
      """)
  void entriesBecomeCalls(String entry, String tool, String arguments) {
    ContextCall call = ContextCall.parse(entry);

    assertThat(call.tool()).isEqualTo(tool);
    assertThat(new JsonObject(call.argumentsFor("BTC/USD")).encode()).isEqualTo(arguments);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                              | expected tool
      forecast(                       | expected tool
      get positions                   | expected tool
      forecast(horizon)               | is not name=value
      forecast(9lives=1)              | is not name=value
      forecast(horizon=1;horizon=2)   | given twice
      """)
  void malformedEntriesAreRefusedWithTheReason(String entry, String reason) {
    assertThatThrownBy(() -> ContextCall.parse(entry)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
