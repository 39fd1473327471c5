package dev.tradingsystem.frameworks.freqtrade.trade;

/**
 * When a strategy that throws has thrown too often: {@code maxErrors} failed decisions among its
 * last {@code window} decisions. A sliding window rather than a streak, so a strategy failing every
 * other tick is caught as surely as one failing on every tick, while a rare bad row over a long run
 * is forgiven. Not thread-safe: one owner.
 */
public final class ErrorBudget {

  private final int maxErrors;
  private final boolean[] outcomes;
  private int next;
  private int recorded;
  private int errorsInWindow;

  /** @param maxErrors errors that exhaust the budget, at least 1; @param window decisions looked at, at least maxErrors */
  public ErrorBudget(int maxErrors, int window) {
    if (maxErrors < 1 || window < maxErrors) {
      throw new IllegalArgumentException("need 1 <= maxErrors <= window, got " + maxErrors + " in " + window);
    }
    this.maxErrors = maxErrors;
    this.outcomes = new boolean[window];
  }

  /** A decision went through. */
  public void success() {
    record(false);
  }

  /** A decision threw; true when this error exhausted the budget. */
  public boolean error() {
    record(true);
    return errorsInWindow >= maxErrors;
  }

  /** Errors among the last {@code window} decisions. */
  public int errorsInWindow() {
    return errorsInWindow;
  }

  private void record(boolean failed) {
    if (recorded == outcomes.length && outcomes[next]) {
      errorsInWindow--;
    }
    outcomes[next] = failed;
    if (failed) {
      errorsInWindow++;
    }
    next = (next + 1) % outcomes.length;
    recorded = Math.min(recorded + 1, outcomes.length);
  }
}
