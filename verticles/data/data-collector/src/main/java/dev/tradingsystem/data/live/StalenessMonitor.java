package dev.tradingsystem.data.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which symbols of a feed have gone quiet for longer than the staleness threshold, and which have
 * come back. A stale feed is dangerous rather than merely slow: strategies keep quoting against a
 * price that no longer exists, so the risk manager must hear about it promptly.
 *
 * <p>Each symbol raises once per quiet spell and clears once when data resumes, so the alert
 * stream carries transitions, not a repeat every check. A symbol that never delivered counts as
 * quiet from {@link #watch}. Plain class: callers pass the time.
 */
public final class StalenessMonitor {

  private final long thresholdMs;
  private final Map<String, Long> lastSeen = new LinkedHashMap<>();
  private final Map<String, Boolean> stale = new LinkedHashMap<>();

  public StalenessMonitor(long thresholdMs) {
    if (thresholdMs <= 0) {
      throw new IllegalArgumentException("threshold must be positive");
    }
    this.thresholdMs = thresholdMs;
  }

  public long thresholdMs() {
    return thresholdMs;
  }

  /** Starts watching a symbol as if it had just delivered. */
  public void watch(String symbol, long nowMs) {
    lastSeen.putIfAbsent(symbol, nowMs);
    stale.putIfAbsent(symbol, false);
  }

  /**
   * Data for the symbol arrived.
   *
   * @return true when this ends a stale spell (the caller clears the alert)
   */
  public boolean onData(String symbol, long nowMs) {
    lastSeen.put(symbol, nowMs);
    Boolean was = stale.put(symbol, false);
    return was != null && was;
  }

  /** Symbols whose silence crossed the threshold since the previous check. */
  public List<String> check(long nowMs) {
    List<String> newlyStale = new ArrayList<>();
    lastSeen.forEach((symbol, seen) -> {
      if (nowMs - seen > thresholdMs && !stale.get(symbol)) {
        stale.put(symbol, true);
        newlyStale.add(symbol);
      }
    });
    return newlyStale;
  }

  public boolean isStale(String symbol) {
    return stale.getOrDefault(symbol, false);
  }

  /** Milliseconds since the symbol last delivered, or -1 when not watched. */
  public long silenceMs(String symbol, long nowMs) {
    Long seen = lastSeen.get(symbol);
    return seen == null ? -1 : nowMs - seen;
  }
}
