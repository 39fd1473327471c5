package dev.tradingsystem.agents.runtime.vertex;

import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.Part;
import com.google.genai.types.ThinkingConfig;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.AnswerContract;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.RemoteAnswer;
import dev.tradingsystem.agents.runtime.TokenUsage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The Gen AI {@code generateContent} exchange, both ways: one question (system instruction, user
 * turn, generation settings) and the opinion in a response. Kept apart from the client plumbing
 * so the protocol reads in one place.
 *
 * @param model          model id as configured, e.g. {@code deepseek-ai/deepseek-v3.1-maas}
 * @param system         role and answer contract
 * @param user           the event
 * @param maxAnswerTokens answer cap, also the budget's reservation
 * @param thinkingBudget thinking tokens allowed, -1 to leave the model's default
 */
record GenAiContent(String model, String system, String user, int maxAnswerTokens, int thinkingBudget) {

  private static final String JSON = "application/json";

  /** The user turn. */
  List<Content> contents() {
    return List.of(Content.builder().role("user").parts(Part.fromText(user)).build());
  }

  /**
   * Temperature 0 so a replay asks the same question the same way, JSON output so a compliant
   * model cannot answer in prose, a token cap so an answer cannot outrun the budget.
   */
  GenerateContentConfig config() {
    GenerateContentConfig.Builder config = GenerateContentConfig.builder()
        .systemInstruction(Content.fromParts(Part.fromText(system)))
        .temperature(0f)
        .maxOutputTokens(maxAnswerTokens)
        .responseMimeType(JSON);
    if (thinkingBudget >= 0) {
      config.thinkingConfig(ThinkingConfig.builder().thinkingBudget(thinkingBudget));
    }
    return config.build();
  }

  /**
   * The request as the REST body carries it, plus the model: everything that decides the answer
   * and nothing that authenticates it. Rendered here in a fixed field order, so equal questions
   * give equal text (the response cache's key).
   */
  String canonical() {
    JsonObject generation = new JsonObject()
        .put("temperature", 0)
        .put("maxOutputTokens", maxAnswerTokens)
        .put("responseMimeType", JSON);
    if (thinkingBudget >= 0) {
      generation.put("thinkingConfig", new JsonObject().put("thinkingBudget", thinkingBudget));
    }
    return new JsonObject()
        .put("model", model)
        .put("systemInstruction", new JsonObject().put("parts", texts(system)))
        .put("contents", new JsonArray().add(new JsonObject().put("role", "user").put("parts", texts(user))))
        .put("generationConfig", generation)
        .encode();
  }

  /**
   * The opinion in a response and the tokens from its {@code usageMetadata} ({@code estimate}
   * when it reports none). Thinking tokens count as answer tokens: they are billed as output.
   *
   * @throws InvalidAnswerException when the prompt was blocked, there is no candidate, the
   *                                candidate stopped for any reason but {@code STOP}, has no
   *                                text, or its text breaks the contract
   */
  static RemoteAnswer answer(GenerateContentResponse response, AnswerContract contract, int horizonSec,
      TokenUsage estimate) {
    response.promptFeedback().flatMap(feedback -> feedback.blockReason()).ifPresent(reason -> {
      throw new InvalidAnswerException("the prompt was blocked: " + reason);
    });
    List<Candidate> candidates = response.candidates().orElse(List.of());
    if (candidates.isEmpty()) {
      throw new InvalidAnswerException("the response has no candidates");
    }
    Candidate candidate = candidates.get(0);
    FinishReason finish = candidate.finishReason().orElse(null);
    if (finish != null && finish.knownEnum() != FinishReason.Known.STOP) {
      // MAX_TOKENS cuts the JSON, SAFETY and its kin replace it: neither is an answer.
      throw new InvalidAnswerException("the answer ended with finishReason " + finish);
    }
    StringBuilder text = new StringBuilder();
    for (Part part : candidate.content().flatMap(Content::parts).orElse(List.of())) {
      if (!part.thought().orElse(false)) {
        part.text().ifPresent(text::append);
      }
    }
    AgentOpinion opinion = contract.opinion(JsonAnswer.object(text.toString(), "the answer text"), horizonSec);
    return new RemoteAnswer(opinion, usage(response, estimate));
  }

  private static TokenUsage usage(GenerateContentResponse response, TokenUsage estimate) {
    GenerateContentResponseUsageMetadata usage = response.usageMetadata().orElse(null);
    if (usage == null || usage.promptTokenCount().isEmpty() || usage.candidatesTokenCount().isEmpty()) {
      return estimate;
    }
    long prompt = usage.promptTokenCount().get();
    long answer = usage.candidatesTokenCount().get() + usage.thoughtsTokenCount().orElse(0);
    return prompt >= 0 && answer >= 0 ? new TokenUsage(prompt, answer) : estimate;
  }

  private static JsonArray texts(String text) {
    return new JsonArray().add(new JsonObject().put("text", text));
  }
}
