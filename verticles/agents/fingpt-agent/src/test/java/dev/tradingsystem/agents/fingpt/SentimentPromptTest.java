package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.PromptContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentPromptTest {

  private final SentimentModel model = new SentimentModel(SentimentConfig.defaults(), FinanceLexicon.builtin());
  private final SentimentPrompt prompt = new SentimentPrompt(model);

  @Test
  void contextGoesBeforeTheAnswerCue() {
    model.onNews(SentimentModelTest.news("n-1", SentimentModelTest.T0 - 1, "SEC approves spot bitcoin ETF", "BTC/USD"));
    String message = prompt.userMessage(SentimentModelTest.tick("BTC/USD", SentimentModelTest.T0));
    PromptContext context = new PromptContext(List.of(new PromptContext.Entry("get_market_snapshot",
        "{\"symbol\":\"BTC/USD\"}", "{\"price\":812.5}")));

    String withContext = prompt.withContext(message, context);

    assertThat(withContext).endsWith("""
        ] SEC approves spot bitcoin ETF
        context (answers of the trading system's tools, as of this event):
        - get_market_snapshot {"symbol":"BTC/USD"}: {"price":812.5}
        Answer:""");
    assertThat(prompt.withContext(message, PromptContext.NONE)).isEqualTo(message);
  }
}
