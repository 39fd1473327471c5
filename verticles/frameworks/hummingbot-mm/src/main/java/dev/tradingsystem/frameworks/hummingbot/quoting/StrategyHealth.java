package dev.tradingsystem.frameworks.hummingbot.quoting;

import java.util.Arrays;

/**
 * One strategy's fault record on the desk: errors over its last {@code window} calls (an
 * observation and a decision per tick), and a pause once {@code pauseAfter} of them failed. A strategy that throws now and then (a bad tick)
 * keeps trading; one that throws repeatedly (a broken model) is stopped before it can leave stale
 * quotes or act on garbage. A pause is final for the life of the service: an operator restarts it.
 * Not thread-safe: one owner (the counters are read for stats through {@link #snapshot()}).
 */
public final class StrategyHealth {

  /**
   * The record as the stats page shows it.
   *
   * @param calls       observations and decisions the strategy was asked for
   * @param errors      exceptions it threw
   * @param paused      whether it was paused
   * @param pauseReason why, with the last exception ("" while running)
   * @param lastError   the last exception ("" if none)
   */
  public record Snapshot(long calls, long errors, boolean paused, String pauseReason, String lastError) {
  }

  private final int pauseAfter;
  private final boolean[] failedAt;
  private int cursor;
  private int failuresInWindow;
  private long calls;
  private long errors;
  private boolean paused;
  private String pauseReason = "";
  private String lastError = "";

  /**
   * @param pauseAfter failures within the window that pause the strategy (≥ 1)
   * @param window     calls looked back on (≥ pauseAfter)
   */
  public StrategyHealth(int pauseAfter, int window) {
    if (pauseAfter < 1 || window < pauseAfter) {
      throw new IllegalArgumentException("need 1 ≤ pauseAfter ≤ window, got " + pauseAfter + ", " + window);
    }
    this.pauseAfter = pauseAfter;
    this.failedAt = new boolean[window];
  }

  /** A call went through. */
  public void succeeded() {
    record(false);
  }

  /**
   * A call threw.
   *
   * @return true when this failure paused the strategy
   */
  public boolean failed(RuntimeException error) {
    errors++;
    lastError = error.toString();
    record(true);
    if (!paused && failuresInWindow >= pauseAfter) {
      paused = true;
      pauseReason = failuresInWindow + " errors in the last " + Math.min(calls, failedAt.length)
          + " calls, last: " + lastError;
      return true;
    }
    return false;
  }

  public boolean paused() {
    return paused;
  }

  /** An operator pauses the strategy (its quotes are then withdrawn like after a fault). */
  public void pause(String reason) {
    paused = true;
    pauseReason = reason;
  }

  /** An operator resumes the strategy; the error window starts afresh. */
  public void resume() {
    paused = false;
    pauseReason = "";
    Arrays.fill(failedAt, false);
    failuresInWindow = 0;
  }

  public long errors() {
    return errors;
  }

  public Snapshot snapshot() {
    return new Snapshot(calls, errors, paused, pauseReason, lastError);
  }

  private void record(boolean failed) {
    calls++;
    if (failedAt[cursor]) {
      failuresInWindow--;
    }
    failedAt[cursor] = failed;
    if (failed) {
      failuresInWindow++;
    }
    cursor = (cursor + 1) % failedAt.length;
  }
}
