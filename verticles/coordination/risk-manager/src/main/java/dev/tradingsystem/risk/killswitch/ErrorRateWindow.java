package dev.tradingsystem.risk.killswitch;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The share of errors among the last {@code window} outcomes of intents the gate sent on
 * (approved, then failed or rejected by the portfolio). Judged only on a full window, so one early
 * failure is not a 100% error rate.
 */
public final class ErrorRateWindow {

  private final int window;
  private final double threshold;
  private final Deque<Boolean> outcomes = new ArrayDeque<>();
  private int errors;

  public ErrorRateWindow(int window, double threshold) {
    this.window = window;
    this.threshold = threshold;
  }

  /** Records one outcome; true when the full window's error share reached the threshold (the window then starts over). */
  public boolean record(boolean error) {
    outcomes.addLast(error);
    if (error) {
      errors++;
    }
    if (outcomes.size() > window && outcomes.removeFirst()) {
      errors--;
    }
    if (outcomes.size() == window && rate() >= threshold) {
      outcomes.clear();
      errors = 0;
      return true;
    }
    return false;
  }

  public double rate() {
    return outcomes.isEmpty() ? 0 : errors / (double) outcomes.size();
  }

  public int window() {
    return window;
  }

  public double threshold() {
    return threshold;
  }
}
