package dev.tradingsystem.coordinator.consensus.learning;

import java.util.Locale;

/** What the market did to one agent's call. */
public enum Outcome {
  /** The price moved the way the agent leaned, by at least the minimum move. */
  HIT,
  /** The price moved against the agent's lean by at least the minimum move. */
  MISS,
  /** The move was within the noise band: no evidence either way. */
  NEUTRAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
