package dev.tradingsystem.agents.qwen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import org.junit.jupiter.api.Test;

class MicrostructurePromptTest {

  @Test
  void showsTheBookAndTheFlowButNotTheMomentumIndicators() {
    PromptTemplate prompt = MicrostructurePrompt.template(10);
    String user = prompt.userMessage(AnalyzeRequest.newBuilder().setFeatures(FeatureVector.newBuilder()
        .setInstrument(Instrument.newBuilder().setSymbol("BTC/USDT"))
        .setBestBid(61_000.1).setBestAsk(61_000.2).setBookImbalance(0.42).setTradeFlowImbalance(-0.3)
        .setRsi(80)).build());

    assertThat(prompt.version()).isEqualTo("qwen-microstructure-prompt-v1");
    assertThat(prompt.systemPrompt()).contains("next 10 seconds");
    assertThat(user).contains("symbol: BTC/USDT").contains("best_bid: 61000.1").contains("book_imbalance: 0.42")
        .contains("trade_flow_imbalance: -0.3").doesNotContain("rsi");
  }
}
