package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Quantile;
import java.util.List;
import java.util.Objects;

/**
 * What a model thinks about one symbol after one event, before the runtime wraps it into an
 * {@code AgentSignal} (ids, meta, agent name, degraded flags are the runtime's business).
 *
 * @param direction  LONG, SHORT, or FLAT when the model has no view
 * @param strength   0..1, how strongly it leans
 * @param confidence 0..1, how sure it is of its own call
 * @param horizonSec how far ahead the view reaches, in seconds
 * @param quantiles  forecast quantiles of the log return over the horizon, ascending by level
 * @param rationale  the numbers behind the call, for operators
 */
public record AgentOpinion(
    Direction direction,
    double strength,
    double confidence,
    int horizonSec,
    List<Quantile> quantiles,
    String rationale) {

  public AgentOpinion {
    Objects.requireNonNull(direction, "direction");
    requireUnit("strength", strength);
    requireUnit("confidence", confidence);
    if (horizonSec < 0) {
      throw new IllegalArgumentException("horizonSec must not be negative: " + horizonSec);
    }
    quantiles = List.copyOf(quantiles);
    rationale = rationale == null ? "" : rationale;
  }

  /** A FLAT opinion: the model looked and sees nothing worth acting on. */
  public static AgentOpinion flat(double confidence, int horizonSec, String rationale) {
    return new AgentOpinion(Direction.FLAT, 0, confidence, horizonSec, List.of(), rationale);
  }

  /** FLAT with zero confidence: the model cannot judge yet (warming up, no inputs). */
  public static AgentOpinion noView(String rationale) {
    return flat(0, 0, rationale);
  }

  /** Clamps a score into [0, 1]; NaN becomes 0 so a degenerate input never fails the record. */
  public static double unit(double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    return Math.max(0, Math.min(1, value));
  }

  private static void requireUnit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
  }
}
