package dev.tradingsystem.agents.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.AnswerContract;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import org.junit.jupiter.api.Test;

class MomentumPromptTest {

  @Test
  void asksForAMomentumCallOverTheConfiguredHorizonWithOnlyTheMomentumFeatures() {
    PromptTemplate prompt = MomentumPrompt.template(90);
    AnalyzeRequest request = AnalyzeRequest.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(1_000_000))
        .setFeatures(FeatureVector.newBuilder()
            .setInstrument(Instrument.newBuilder().setSymbol("BTC/USD"))
            .setPrice(812.5).setReturnShort(0.0012).setRsi(71).setBookImbalance(0.9))
        .build();

    assertThat(prompt.version()).isEqualTo("deepseek-momentum-prompt-v1");
    assertThat(prompt.horizonSec()).isEqualTo(90);
    assertThat(prompt.systemPrompt()).contains("next 90 seconds").contains("regime").doesNotContain("%d");
    assertThat(prompt.answerContract()).isSameAs(AnswerContract.DIRECTIONAL);
    String user = prompt.userMessage(request);
    assertThat(user).contains("symbol: BTC/USD").contains("price: 812.5").contains("return_short: 0.0012")
        .contains("rsi: 71")
        .as("book features are the microstructure agent's, not momentum evidence").doesNotContain("book_imbalance");
    assertThat(user.indexOf("return_short")).isLessThan(user.indexOf("rsi"));
  }
}
