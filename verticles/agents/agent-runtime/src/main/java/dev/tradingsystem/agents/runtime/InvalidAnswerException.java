package dev.tradingsystem.agents.runtime;

/** A language model's answer that breaks the {@link AnswerSchema} contract, or is no answer at all. */
public final class InvalidAnswerException extends RuntimeException {

  public InvalidAnswerException(String message) {
    super(message, null, false, false);
  }
}
