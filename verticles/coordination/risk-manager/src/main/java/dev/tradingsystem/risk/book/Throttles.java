package dev.tradingsystem.risk.book;

import dev.tradingsystem.risk.rules.ThrottleLimits;
import java.util.HashMap;
import java.util.Map;

/** The order and cancel buckets of every strategy; a strategy's buckets start full. */
final class Throttles {

  private final ThrottleLimits limits;
  private final Map<String, TokenBucket> orders = new HashMap<>();
  private final Map<String, TokenBucket> cancels = new HashMap<>();

  Throttles(ThrottleLimits limits) {
    this.limits = limits;
  }

  double available(String strategyId, boolean cancel, long nowUs) {
    TokenBucket bucket = (cancel ? cancels : orders).get(strategyId);
    return bucket == null ? limits.burst() : bucket.available(nowUs);
  }

  void take(String strategyId, boolean cancel, long nowUs) {
    double rate = cancel ? limits.cancelsPerSecond() : limits.ordersPerSecond();
    if (rate <= 0) {
      return;
    }
    (cancel ? cancels : orders).computeIfAbsent(strategyId, s -> new TokenBucket(rate, limits.burst())).take(nowUs);
  }
}
