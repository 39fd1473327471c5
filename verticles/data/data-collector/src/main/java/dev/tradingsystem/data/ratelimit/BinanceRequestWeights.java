package dev.tradingsystem.data.ratelimit;

/**
 * Request weights of the Binance spot REST endpoints this project calls, from the Binance spot API
 * documentation ("Order book" endpoint: weight by {@code limit}). Kept in one place so the budget
 * the limiter charges matches what the venue counts.
 */
public final class BinanceRequestWeights {

  /** Binance spot's default request-weight budget per minute and IP. */
  public static final int DEFAULT_WEIGHT_PER_MINUTE = 6000;

  private BinanceRequestWeights() {
  }

  /** Weight of {@code GET /api/v3/depth} for a depth limit of 1..5000. */
  public static int depth(int limit) {
    if (limit < 1 || limit > 5000) {
      throw new IllegalArgumentException("depth limit " + limit + " outside [1, 5000]");
    }
    if (limit <= 100) {
      return 5;
    }
    if (limit <= 500) {
      return 25;
    }
    return limit <= 1000 ? 50 : 250;
  }
}
