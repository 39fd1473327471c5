package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.Direction;
import java.util.List;
import java.util.Map;

/**
 * The answer contract of a language-model backend and its strict check. The model must return one
 * JSON object {@code {"direction":"LONG|SHORT|FLAT","strength":0..1,"confidence":0..1,"rationale":"..."}};
 * anything else (a missing or mistyped field, a value out of range, an unknown direction such as
 * {@code UP}) is an {@link InvalidAnswerException}, never a guessed signal: a model that drifted from
 * the contract must fall back to the built-in model, not trade on our reading of its prose.
 * Extra fields are ignored, they carry nothing the signal could use.
 */
public final class AnswerSchema {

  /** Appended to every system prompt, so the format is the runtime's and not each agent's. */
  public static final String INSTRUCTIONS = """
      Answer with exactly one JSON object and nothing else, of the form
      {"direction": "LONG" | "SHORT" | "FLAT", "strength": number in [0, 1], "confidence": number in [0, 1],
       "rationale": "one or two sentences naming the numbers behind the call"}.
      strength is how strongly you lean, confidence how sure you are of the call.""";

  private static final List<String> DIRECTIONS = List.of("LONG", "SHORT", "FLAT");

  private AnswerSchema() {
  }

  /**
   * Checks a decoded answer and turns it into an opinion over {@code horizonSec}.
   *
   * @throws InvalidAnswerException naming the first field that breaks the contract
   */
  public static AgentOpinion opinion(Map<String, ?> answer, int horizonSec) {
    Object direction = answer.get("direction");
    if (!(direction instanceof String name) || !DIRECTIONS.contains(name)) {
      throw new InvalidAnswerException("direction must be one of " + DIRECTIONS + ", got " + quote(direction));
    }
    double strength = unit(answer, "strength");
    double confidence = unit(answer, "confidence");
    Object rationale = answer.get("rationale");
    if (!(rationale instanceof String text)) {
      throw new InvalidAnswerException("rationale must be a string, got " + quote(rationale));
    }
    return new AgentOpinion(Direction.valueOf(name), strength, confidence, horizonSec, List.of(), text);
  }

  private static double unit(Map<String, ?> answer, String field) {
    Object value = answer.get(field);
    if (!(value instanceof Number number)) {
      throw new InvalidAnswerException(field + " must be a number in [0, 1], got " + quote(value));
    }
    double x = number.doubleValue();
    if (!(x >= 0 && x <= 1)) {
      throw new InvalidAnswerException(field + " must be in [0, 1], got " + x);
    }
    return x;
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
