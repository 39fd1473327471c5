package dev.tradingsystem.agents.runtime.vertex;

import static org.assertj.core.api.Assertions.assertThat;

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
}
