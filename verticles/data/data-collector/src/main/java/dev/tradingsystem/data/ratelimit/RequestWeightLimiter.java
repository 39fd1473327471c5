package dev.tradingsystem.data.ratelimit;

import java.util.OptionalLong;

/**
 * The request-weight budget of one venue's REST API, shared by every caller in the process.
 *
 * <p>Binance bans an IP that keeps calling after a 429 (HTTP 418, from two minutes up to three
 * days), the most common way Freqtrade users lose a venue. So this limiter does three things:
 * <ol>
 *   <li>counts weight in fixed windows aligned like Binance's {@code X-MBX-USED-WEIGHT-1M}
 *       (one calendar minute by default) and refuses a request that would exceed the budget;</li>
 *   <li>trusts the venue's own count from the response header when it is higher than ours (other
 *       processes on the same IP spend the same budget);</li>
 *   <li>after 429 pauses every caller for Retry-After (or to the end of the window), after 418
 *       stops every caller until the ban expires.</li>
 * </ol>
 * Thread-safe; no I/O and no Vert.x, so the rules are table-tested on a fake clock.
 */
public final class RequestWeightLimiter {

  /** Ban assumed when a 418 carries no Retry-After: Binance's shortest ban. */
  public static final long DEFAULT_BAN_MS = 120_000;

  private final String venue;
  private final int weightPerWindow;
  private final long windowMs;
  private final RateLimitClock clock;
  private long windowStart = Long.MIN_VALUE;
  private int usedWeight;
  private long pausedUntil;
  private boolean banned;

  public RequestWeightLimiter(String venue, int weightPerWindow, long windowMs, RateLimitClock clock) {
    if (weightPerWindow <= 0 || windowMs <= 0) {
      throw new IllegalArgumentException("weight and window must be positive");
    }
    this.venue = venue;
    this.weightPerWindow = weightPerWindow;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  public String venue() {
    return venue;
  }

  /**
   * Reserves {@code weight} if the budget allows it now.
   *
   * @return 0 when the request may be sent (the weight is spent), otherwise the milliseconds to
   *     wait before asking again (nothing is spent)
   * @throws IllegalArgumentException when one request alone is heavier than the whole window
   */
  public synchronized long acquire(int weight) {
    if (weight <= 0 || weight > weightPerWindow) {
      throw new IllegalArgumentException("weight " + weight + " outside (0, " + weightPerWindow + "]");
    }
    long now = clock.nowMillis();
    if (now < pausedUntil) {
      return pausedUntil - now;
    }
    banned = false;
    roll(now);
    if (usedWeight + weight > weightPerWindow) {
      return windowStart + windowMs - now;
    }
    usedWeight += weight;
    return 0;
  }

  /**
   * Learns from a response: the venue's used-weight count and its 429/418 verdicts.
   *
   * @param usedWeightHeader {@code X-MBX-USED-WEIGHT-1M} when present
   * @param retryAfterSeconds {@code Retry-After} when present
   */
  public synchronized void onResponse(int status, OptionalLong usedWeightHeader, OptionalLong retryAfterSeconds) {
    long now = clock.nowMillis();
    roll(now);
    if (usedWeightHeader.isPresent()) {
      // Ours may be higher while requests are in flight; the venue's may be higher because other
      // processes share the IP. The larger one is the safe one.
      usedWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(usedWeight, usedWeightHeader.getAsLong()));
    }
    if (status == 429) {
      long until = retryAfterSeconds.isPresent()
          ? now + retryAfterSeconds.getAsLong() * 1000
          : windowStart + windowMs;
      pausedUntil = Math.max(pausedUntil, until);
    } else if (status == 418) {
      long until = now + (retryAfterSeconds.isPresent() ? retryAfterSeconds.getAsLong() * 1000 : DEFAULT_BAN_MS);
      pausedUntil = Math.max(pausedUntil, until);
      banned = true;
    }
  }

  /** Weight spent in the current window as far as we know. */
  public synchronized int usedWeight() {
    roll(clock.nowMillis());
    return usedWeight;
  }

  /** Wall millis until which no call may be made (0 or past when none). */
  public synchronized long pausedUntil() {
    return pausedUntil;
  }

  /** Milliseconds until calls may resume after a 429/418 (0 when not paused). */
  public synchronized long pauseRemainingMs() {
    return Math.max(0, pausedUntil - clock.nowMillis());
  }

  /** Whether the last verdict was a 418 ban that has not expired yet. */
  public synchronized boolean banned() {
    return banned && clock.nowMillis() < pausedUntil;
  }

  private void roll(long now) {
    long start = now - Math.floorMod(now, windowMs);
    if (start != windowStart) {
      windowStart = start;
      usedWeight = 0;
    }
  }
}
