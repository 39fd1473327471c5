package dev.tradingsystem.agents.lagllama;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often a forecaster's 10-90% interval of the H-candle return held the return that then
 * happened, as an exponentially weighted hit rate (0.8 when calibrated). Each forecast waits
 * until H more returns arrived, then counts as a hit or a miss. Confidence is calibration times
 * sufficiency, as for the built-in forecaster: nearness of the hit rate to 80%, and how many
 * forecasts have been scored.
 */
final class CoverageTracker {

  /** The coverage a calibrated 10-90% interval has. */
  static final double TARGET = 0.8;
  /** Weight of the newest scored forecast: a memory of about 50 forecasts. */
  static final double ALPHA = 0.02;
  /** Scored forecasts before the hit rate earns full trust. */
  static final int MIN_SCORED = 20;

  private record Pending(long dueCount, double logCloseAtIssue, double q10, double q90) {
  }

  private final int horizon;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long lastIssuedAt = -1;
  private double hitRate = TARGET;
  private long scored;

  CoverageTracker(int horizonCandles) {
    this.horizon = horizonCandles;
  }

  /**
   * Records a forecast made when {@code returnCount} returns had been seen; the first forecast
   * per count is kept (later ones for the same window are the same question asked again).
   */
  void issued(long returnCount, double logCloseAtIssue, double q10, double q90) {
    if (returnCount <= lastIssuedAt) {
      return;
    }
    lastIssuedAt = returnCount;
    pending.addLast(new Pending(returnCount + horizon, logCloseAtIssue, q10, q90));
  }

  /** Scores every forecast whose horizon ended at {@code returnCount}, given the close then. */
  void advance(long returnCount, double logClose) {
    while (!pending.isEmpty() && pending.peekFirst().dueCount() <= returnCount) {
      Pending forecast = pending.removeFirst();
      if (forecast.dueCount() < returnCount) {
        // Its answer arrived after its horizon had ended: the close at its end is gone.
        continue;
      }
      double realised = logClose - forecast.logCloseAtIssue();
      boolean hit = realised >= forecast.q10() && realised <= forecast.q90();
      hitRate += ALPHA * ((hit ? 1 : 0) - hitRate);
      scored++;
    }
  }

  double hitRate() {
    return hitRate;
  }

  long scored() {
    return scored;
  }

  /** Calibration times sufficiency, in [0, 1]. */
  double confidence() {
    double calibration = Math.max(0, 1 - Math.abs(hitRate - TARGET) / TARGET);
    return calibration * Math.min(1, scored / (double) MIN_SCORED);
  }
}
