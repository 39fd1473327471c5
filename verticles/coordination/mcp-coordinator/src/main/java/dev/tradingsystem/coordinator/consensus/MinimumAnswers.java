package dev.tradingsystem.coordinator.consensus;

import java.util.List;

/**
 * Quorum when at least {@code minimum} panel agents gave a fresh answer: "trade with 3 of 4,
 * stand down with fewer". FLAT answers count (they are opinions). Degraded answers (produced by
 * an agent's fallback model) count when {@code countDegraded} is true, the default: the
 * fallback still looked at the market. Set it false to demand that the quorum be made of
 * primary models, so that an outage of the remote models stands the frameworks down.
 */
public final class MinimumAnswers implements QuorumRule {

  private final int minimum;
  private final boolean countDegraded;

  public MinimumAnswers(int minimum, boolean countDegraded) {
    if (minimum < 0) {
      throw new IllegalArgumentException("minimum must be >= 0, got " + minimum);
    }
    this.minimum = minimum;
    this.countDegraded = countDegraded;
  }

  /** Degraded answers count. */
  public MinimumAnswers(int minimum) {
    this(minimum, true);
  }

  @Override
  public boolean met(List<AgentAnswer> answers, int asked) {
    return counted(answers) >= minimum;
  }

  /** How many of the answers count toward the quorum. */
  public long counted(List<AgentAnswer> answers) {
    return countDegraded ? answers.size() : answers.stream().filter(a -> !a.signal().getDegraded()).count();
  }

  public int minimum() {
    return minimum;
  }

  public boolean countDegraded() {
    return countDegraded;
  }
}
