package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.proto.Direction;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentAnswerTest {

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource({
      "positive, 0.8, LONG,  0.8",
      "negative, 0.6, SHORT, 0.6",
      "neutral,  0.9, FLAT,  0.0",
  })
  void aLabelLeansAsStronglyAsTheModelIsSure(String label, double confidence, Direction direction, double strength) {
    AgentOpinion opinion = SentimentAnswer.INSTANCE.opinion(new JsonObject()
        .put("sentiment", label).put("confidence", confidence).put("rationale", "r").getMap(), 3_600);
    assertThat(opinion.direction()).isEqualTo(direction);
    assertThat(opinion.strength()).isEqualTo(strength);
    assertThat(opinion.confidence()).isEqualTo(confidence);
    assertThat(opinion.horizonSec()).isEqualTo(3_600);
    assertThat(opinion.rationale()).isEqualTo(label + ": r");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"sentiment":"bullish","confidence":0.8,"rationale":"r"}  | sentiment must be one of
      {"sentiment":"Positive","confidence":0.8,"rationale":"r"} | sentiment must be one of
      {"confidence":0.8,"rationale":"r"}                        | sentiment must be one of
      {"sentiment":"positive","confidence":1.2,"rationale":"r"} | confidence must be
      {"sentiment":"positive","confidence":"high","rationale":"r"} | confidence must be
      {"sentiment":"positive","confidence":0.8}                 | rationale must be
      """)
  void anythingElseIsAnInvalidAnswer(String json, String message) {
    assertThatThrownBy(() -> SentimentAnswer.INSTANCE.opinion(new JsonObject(json).getMap(), 60))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessageContaining(message);
  }
}
