package dev.tradingsystem.data.live;

import java.util.random.RandomGenerator;

/**
 * When to reconnect a dropped feed: exponential backoff with full jitter ("Exponential Backoff
 * And Jitter", AWS Architecture Blog), capped, and forgotten once a connection has stayed healthy.
 *
 * <p>Full jitter (a uniform delay in [0, min(cap, base * 2^attempt)]) spreads the reconnects of
 * many feeds and processes after a venue outage, so they do not all hit the venue (and its
 * connection-rate limit) in the same instant. Resetting after a healthy period keeps one flap
 * after a day of uptime from inheriting yesterday's long delay.
 *
 * <p>Plain class without Vert.x or clocks: callers pass the time, tests pass a seeded random.
 */
public final class ReconnectPolicy {

  private final long baseMs;
  private final long capMs;
  private final long healthyMs;
  private final RandomGenerator random;
  private int attempt;
  private long connectedAtMs = -1;

  public ReconnectPolicy(long baseMs, long capMs, long healthyMs, RandomGenerator random) {
    if (baseMs <= 0 || capMs < baseMs || healthyMs < 0) {
      throw new IllegalArgumentException("need 0 < base <= cap and healthy >= 0");
    }
    this.baseMs = baseMs;
    this.capMs = capMs;
    this.healthyMs = healthyMs;
    this.random = random;
  }

  /** The connection is up at {@code nowMs}. */
  public void onConnected(long nowMs) {
    connectedAtMs = nowMs;
  }

  /**
   * The connection dropped (or a connect failed) at {@code nowMs}: the delay before the next try.
   * A connection that had been up for at least the healthy period starts the backoff afresh.
   */
  public long nextDelayMs(long nowMs) {
    if (connectedAtMs >= 0 && nowMs - connectedAtMs >= healthyMs) {
      attempt = 0;
    }
    connectedAtMs = -1;
    long ceiling = ceilingMs(attempt);
    attempt = Math.min(attempt + 1, 62);
    return random.nextLong(ceiling + 1);
  }

  /** The upper bound of the jittered delay for the given attempt (0-based). */
  public long ceilingMs(int forAttempt) {
    if (forAttempt >= 62 || baseMs > (capMs >> Math.min(forAttempt, 62))) {
      return capMs;
    }
    return Math.min(capMs, baseMs << forAttempt);
  }

  /** Consecutive failed tries since the last reset. */
  public int attempt() {
    return attempt;
  }
}
