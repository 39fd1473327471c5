package dev.tradingsystem.agents.runtime;

import java.util.Map;

/**
 * What a language model must answer and how its answer becomes an opinion. The runtime appends
 * {@link #instructions()} to every system prompt and checks every answer with {@link #opinion},
 * so an agent chooses the contract (a direction call, a sentiment label) but can neither forget
 * the format nor trade on an answer that breaks it.
 */
public interface AnswerContract {

  /** The directional call every agent gets by default: {@link AnswerSchema}. */
  AnswerContract DIRECTIONAL = new AnswerContract() {
    @Override
    public String id() {
      return "directional-v1";
    }

    @Override
    public String instructions() {
      return AnswerSchema.INSTRUCTIONS;
    }

    @Override
    public AgentOpinion opinion(Map<String, ?> answer, int horizonSec) {
      return AnswerSchema.opinion(answer, horizonSec);
    }
  };

  /** Stable id of the contract, part of what a cached answer is keyed on. */
  String id();

  /** The answer format, in words the model follows. */
  String instructions();

  /**
   * The opinion in a decoded JSON answer.
   *
   * @throws InvalidAnswerException naming the first field that breaks the contract
   */
  AgentOpinion opinion(Map<String, ?> answer, int horizonSec);
}
