package dev.tradingsystem.agents.runtime.vertex;

import com.google.protobuf.Value;
import com.google.protobuf.util.Structs;
import com.google.protobuf.util.Values;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.proto.AnalyzeRequest;
import java.util.List;

/**
 * The text format of Model Garden's vLLM serving containers, the default for an agent whose
 * language model runs on an endpoint of its own. One instance
 * {@code {"prompt": role + contract + event, "max_tokens": n, "temperature": 0}}; the prediction
 * is the generated text, which those containers prefix with the prompt
 * ({@code "Prompt:\n...\nOutput:\n<text>"}) unless {@code raw_response} is set: the answer is
 * what follows the last {@code Output:} marker, decoded with the agent's answer contract.
 */
public final class VllmTextCodec implements PredictionCodec {

  private static final String OUTPUT_MARKER = "Output:";

  private final PromptTemplate prompt;
  private final int maxAnswerTokens;

  public VllmTextCodec(PromptTemplate prompt, int maxAnswerTokens) {
    this.prompt = prompt;
    this.maxAnswerTokens = maxAnswerTokens;
  }

  /** The prompt's version: a changed prompt is a changed model. */
  @Override
  public String version() {
    return prompt.version();
  }

  /** The event is rendered once; context, when the guard fetches some, only re-formats the prompt. */
  @Override
  public Question question(AnalyzeRequest request) {
    String userMessage = prompt.userMessage(request);
    return new Question(instances(userMessage), null, this::opinion, Question.EVENT_TIME,
        context -> instances(prompt.withContext(userMessage, context)));
  }

  private List<Value> instances(String userMessage) {
    String text = prompt.systemPrompt() + "\n\n" + prompt.answerContract().instructions() + "\n\n" + userMessage;
    return List.of(Values.of(Structs.of(
        "prompt", Values.of(text),
        "max_tokens", Values.of(maxAnswerTokens),
        "temperature", Values.of(0))));
  }

  private AgentOpinion opinion(List<Value> predictions) {
    if (predictions.isEmpty()) {
      throw new InvalidAnswerException("the response has no predictions");
    }
    Value first = predictions.get(0);
    if (first.getKindCase() != Value.KindCase.STRING_VALUE) {
      throw new InvalidAnswerException("the prediction is not text but " + first.getKindCase());
    }
    return prompt.answerContract().opinion(JsonAnswer.object(answerText(first.getStringValue()), "the answer text"),
        prompt.horizonSec());
  }

  /** The generated part of a prediction: after the last {@code Output:}, without a Markdown fence. */
  static String answerText(String prediction) {
    int marker = prediction.lastIndexOf(OUTPUT_MARKER);
    String text = (marker < 0 ? prediction : prediction.substring(marker + OUTPUT_MARKER.length())).strip();
    // Instruction-tuned models like to fence JSON even when asked not to.
    if (text.startsWith("```") && text.endsWith("```") && text.length() >= 6) {
      text = text.substring(3, text.length() - 3);
      if (text.startsWith("json")) {
        text = text.substring(4);
      }
      text = text.strip();
    }
    return text;
  }
}
