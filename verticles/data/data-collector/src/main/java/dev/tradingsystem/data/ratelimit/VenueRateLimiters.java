package dev.tradingsystem.data.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RequestWeightLimiter} per venue, so every component that calls a venue's REST API
 * (book snapshots, and later the live exchange adapter) spends the same budget: Binance counts
 * weight per IP, not per caller.
 */
public final class VenueRateLimiters {

  /** Binance and Coinbase both count in one-minute windows. */
  public static final long WINDOW_MS = 60_000;

  private static final VenueRateLimiters PROCESS = new VenueRateLimiters(RateLimitClock.SYSTEM);

  private final Map<String, RequestWeightLimiter> limiters = new ConcurrentHashMap<>();
  private final RateLimitClock clock;

  public VenueRateLimiters(RateLimitClock clock) {
    this.clock = clock;
  }

  /** The limiters of this process: the budget is per IP, so one set per JVM. */
  public static VenueRateLimiters process() {
    return PROCESS;
  }

  /** The venue's limiter; the first caller's budget wins, later callers share it. */
  public RequestWeightLimiter forVenue(String venue, int weightPerMinute) {
    return limiters.computeIfAbsent(venue, v -> new RequestWeightLimiter(v, weightPerMinute, WINDOW_MS, clock));
  }
}
