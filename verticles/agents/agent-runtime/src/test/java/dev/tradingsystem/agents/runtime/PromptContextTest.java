package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptContextTest {

  private static final PromptTemplate TEMPLATE = FeaturePromptTemplate.forAgent("test");

  @Test
  void noContextLeavesTheMessageAsItWas() {
    assertThat(PromptContext.NONE.section()).isEmpty();
    assertThat(TEMPLATE.withContext("symbol: BTC/USD\n", PromptContext.NONE)).isEqualTo("symbol: BTC/USD\n");
  }

  @Test
  void contextFollowsTheEventOneLinePerTool() {
    PromptContext context = new PromptContext(List.of(
        new PromptContext.Entry("forecast", "{\"symbol\":\"BTC/USD\"}", "{\"q50\":0.001}"),
        new PromptContext.Entry("get_market_snapshot", "{\"symbol\":\"BTC/USD\"}", "line one\nline two")));

    assertThat(TEMPLATE.withContext("symbol: BTC/USD", context)).isEqualTo("""
        symbol: BTC/USD
        context (answers of the trading system's tools, as of this event):
        - forecast {"symbol":"BTC/USD"}: {"q50":0.001}
        - get_market_snapshot {"symbol":"BTC/USD"}: line one line two
        """);
  }
}
