package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.AnswerContract;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.proto.Direction;
import java.util.List;
import java.util.Map;

/**
 * The sentiment agent's answer contract, in FinGPT's manner: one label from
 * {@code negative/neutral/positive} with a confidence, not a trade. Positive news leans LONG,
 * negative SHORT, each as strongly as the model is sure; neutral is FLAT. Anything else (a
 * missing confidence, a label such as {@code bullish}) is an invalid answer.
 */
public final class SentimentAnswer implements AnswerContract {

  public static final SentimentAnswer INSTANCE = new SentimentAnswer();

  static final String INSTRUCTIONS = """
      Answer with exactly one JSON object and nothing else, of the form
      {"sentiment": "negative" | "neutral" | "positive", "confidence": number in [0, 1],
       "rationale": "one sentence naming the headline that decides it"}.""";

  private static final List<String> LABELS = List.of("negative", "neutral", "positive");

  private SentimentAnswer() {
  }

  @Override
  public String id() {
    return "sentiment-v1";
  }

  @Override
  public String instructions() {
    return INSTRUCTIONS;
  }

  @Override
  public AgentOpinion opinion(Map<String, ?> answer, int horizonSec) {
    Object sentiment = answer.get("sentiment");
    if (!(sentiment instanceof String label) || !LABELS.contains(label)) {
      throw new InvalidAnswerException("sentiment must be one of " + LABELS + ", got " + sentiment);
    }
    Object confidence = answer.get("confidence");
    if (!(confidence instanceof Number number) || !(number.doubleValue() >= 0 && number.doubleValue() <= 1)) {
      throw new InvalidAnswerException("confidence must be a number in [0, 1], got " + confidence);
    }
    Object rationale = answer.get("rationale");
    if (!(rationale instanceof String text)) {
      throw new InvalidAnswerException("rationale must be a string, got " + rationale);
    }
    double sure = number.doubleValue();
    return switch (label) {
      case "positive" -> new AgentOpinion(Direction.LONG, sure, sure, horizonSec, List.of(), "positive: " + text);
      case "negative" -> new AgentOpinion(Direction.SHORT, sure, sure, horizonSec, List.of(), "negative: " + text);
      default -> AgentOpinion.flat(sure, horizonSec, "neutral: " + text);
    };
  }
}
