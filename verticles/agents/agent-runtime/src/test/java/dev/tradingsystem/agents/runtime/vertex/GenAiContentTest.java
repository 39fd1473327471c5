package dev.tradingsystem.agents.runtime.vertex;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.JsonSerializable;
import com.google.genai.types.GenerateContentResponse;
import dev.tradingsystem.agents.runtime.AnswerContract;
import dev.tradingsystem.agents.runtime.RemoteAnswer;
import dev.tradingsystem.agents.runtime.TokenUsage;
import dev.tradingsystem.proto.Direction;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The generateContent exchange without a server: what is asked, and what is read back. */
class GenAiContentTest {

  private static final String ANSWER =
      "{\"direction\":\"LONG\",\"strength\":0.5,\"confidence\":0.4,\"rationale\":\"trend\"}";

  @Test
  void theCanonicalRequestIsTheRestBodyPlusTheModel() {
    GenAiContent question = new GenAiContent("gemini-2.5-flash", "role and contract", "the event", 256, 0);
    JsonObject canonical = new JsonObject(question.canonical());
    assertThat(canonical.getString("model")).isEqualTo("gemini-2.5-flash");
    assertThat(canonical.getJsonObject("systemInstruction").encode())
        .isEqualTo("{\"parts\":[{\"text\":\"role and contract\"}]}");
    assertThat(canonical.getJsonArray("contents").encode())
        .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"the event\"}]}]");
    assertThat(canonical.getJsonObject("generationConfig").encode()).isEqualTo("{\"temperature\":0,"
        + "\"maxOutputTokens\":256,\"responseMimeType\":\"application/json\",\"thinkingConfig\":{\"thinkingBudget\":0}}");
    assertThat(question.config().thinkingConfig().flatMap(t -> t.thinkingBudget())).contains(0);
    assertThat(new GenAiContent("m", "s", "u", 256, -1).config().thinkingConfig()).isEmpty();
  }

  @Test
  void thoughtsAreNotTheAnswerButAreBilledAsAnswerTokens() {
    String body = """
        {"candidates": [{"content": {"role": "model", "parts": [
            {"text": "Momentum is up, so...", "thought": true},
            {"text": %s}]},
          "finishReason": "STOP"}],
         "usageMetadata": {"promptTokenCount": 400, "candidatesTokenCount": 30, "thoughtsTokenCount": 120}}
        """.formatted(Json.encode(ANSWER));
    RemoteAnswer answer = GenAiContent.answer(JsonSerializable.fromJsonString(body, GenerateContentResponse.class),
        AnswerContract.DIRECTIONAL, 60, new TokenUsage(1, 1));
    assertThat(answer.opinion().direction()).isEqualTo(Direction.LONG);
    assertThat(answer.usage()).isEqualTo(new TokenUsage(400, 150));
  }

  @Test
  void withoutUsageMetadataTheEstimateIsCharged() {
    String body = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + Json.encode(ANSWER)
        + "}]},\"finishReason\":\"STOP\"}]}";
    RemoteAnswer answer = GenAiContent.answer(JsonSerializable.fromJsonString(body, GenerateContentResponse.class),
        AnswerContract.DIRECTIONAL, 60, new TokenUsage(77, 256));
    assertThat(answer.usage()).isEqualTo(new TokenUsage(77, 256));
  }
}
