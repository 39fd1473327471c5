package dev.tradingsystem.coordinator.consensus;

import java.util.List;

/** Quorum when at least {@code minimum} agents answered (FLAT answers count: they are opinions). */
public final class MinimumAnswers implements QuorumRule {

  private final int minimum;

  public MinimumAnswers(int minimum) {
    if (minimum < 0) {
      throw new IllegalArgumentException("minimum must be >= 0, got " + minimum);
    }
    this.minimum = minimum;
  }

  @Override
  public boolean met(List<AgentAnswer> answers, int asked) {
    return answers.size() >= minimum;
  }

  public int minimum() {
    return minimum;
  }
}
