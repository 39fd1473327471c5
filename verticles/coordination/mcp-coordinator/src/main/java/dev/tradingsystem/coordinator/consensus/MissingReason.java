package dev.tradingsystem.coordinator.consensus;

import java.util.Locale;

/** Why an asked agent's answer is not part of a decision; {@link #label()} is the metric tag. */
public enum MissingReason {
  /** No answer before the per-agent deadline. */
  TIMEOUT,
  /** The call failed (the agent threw, answered an error, or the transport broke). */
  ERROR,
  /** No implementation in this process and no reachable remote endpoint. */
  UNAVAILABLE,
  /** The call succeeded without a signal. */
  EMPTY,
  /** The signal's event time is older than the decision's by more than the signal TTL. */
  STALE,
  /** An operator paused the agent: it is not asked until resumed. */
  PAUSED;

  /** Lower-case name used in metrics, stats and the decision record: {@code timeout}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
