package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.Direction;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerSchemaTest {

  private static Map<String, Object> answer(String direction, Object strength, Object confidence, Object rationale) {
    Map<String, Object> answer = new HashMap<>();
    answer.put("direction", direction);
    answer.put("strength", strength);
    answer.put("confidence", confidence);
    answer.put("rationale", rationale);
    return answer;
  }

  @ParameterizedTest(name = "{0} {1}/{2} is accepted")
  @CsvSource({
      "LONG,  0.7, 0.6",
      "SHORT, 1,   0",
      "FLAT,  0,   0.3",
  })
  void acceptsAnswersThatKeepTheContract(String direction, double strength, double confidence) {
    AgentOpinion opinion = AnswerSchema.opinion(answer(direction, strength, confidence, "ema cross"), 60);
    assertThat(opinion.direction()).isEqualTo(Direction.valueOf(direction));
    assertThat(opinion.strength()).isEqualTo(strength);
    assertThat(opinion.confidence()).isEqualTo(confidence);
    assertThat(opinion.horizonSec()).isEqualTo(60);
    assertThat(opinion.rationale()).isEqualTo("ema cross");
  }

  @ParameterizedTest(name = "{4}")
  @CsvSource(nullValues = "null", value = {
      // direction, strength, confidence, rationale, what breaks the contract
      "UP,    0.5,  0.5, why, direction",
      "long,  0.5,  0.5, why, direction",
      "null,  0.5,  0.5, why, direction",
      "LONG,  7,    0.5, why, strength",
      "LONG,  -0.1, 0.5, why, strength",
      "LONG,  0.5,  1.5, why, confidence",
      "LONG,  0.5,  0.5, null, rationale",
  })
  void rejectsAnswersThatBreakTheContract(String direction, Double strength, Double confidence, String rationale,
      String field) {
    assertThatThrownBy(() -> AnswerSchema.opinion(answer(direction, strength, confidence, rationale), 60))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessageContaining(field);
  }

  @ParameterizedTest(name = "strength as {0} is rejected")
  @CsvSource({"'0.5'", "'high'"})
  void rejectsNumbersWrittenAsText(String strength) {
    assertThatThrownBy(() -> AnswerSchema.opinion(answer("LONG", strength, 0.5, "why"), 60))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessageContaining("strength must be a number");
  }
}
