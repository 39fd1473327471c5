package dev.tradingsystem.agents.runtime.vertex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.FeaturePromptTemplate;
import dev.tradingsystem.agents.runtime.PromptContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answer inside a Model Garden vLLM prediction. */
class VllmTextCodecTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "'{\"a\":1}'                                       | '{\"a\":1}'",
      "'Prompt:\nWhat now?\nOutput:\n{\"a\":1}'          | '{\"a\":1}'",
      "'Prompt:\nsay Output: x\nOutput:\n {\"a\":1} \n'  | '{\"a\":1}'",
      "'Output:\n```json\n{\"a\":1}\n```'                | '{\"a\":1}'",
      "'Output:\n```\n{\"a\":1}\n```'                    | '{\"a\":1}'",
      "'Output:\nnot json'                               | 'not json'",
  })
  void theAnswerFollowsTheLastOutputMarker(String prediction, String answer) {
    assertThat(VllmTextCodec.answerText(prediction.translateEscapes())).isEqualTo(answer);
  }

  @Test
  void contextReformatsThePromptOfTheSameQuestion() {
    VllmTextCodec codec = new VllmTextCodec(FeaturePromptTemplate.forAgent("test"), 64);
    PredictionCodec.Question question = codec.question(VertexTesting.request(1, "BTC/USD", 250));
    PromptContext context = new PromptContext(List.of(
        new PromptContext.Entry("forecast", "{\"symbol\":\"BTC/USD\"}", "{\"q50\":0.001}")));

    String plain = question.instances().get(0).getStructValue().getFieldsOrThrow("prompt").getStringValue();
    String withContext = question.contextual().apply(context).get(0).getStructValue()
        .getFieldsOrThrow("prompt").getStringValue();

    assertThat(withContext).isEqualTo(plain + context.section());
    assertThat(question.contextual().apply(context).get(0).getStructValue().getFieldsOrThrow("max_tokens")
        .getNumberValue()).isEqualTo(64);
  }
}
