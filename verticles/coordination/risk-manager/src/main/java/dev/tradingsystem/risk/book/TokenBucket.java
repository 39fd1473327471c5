package dev.tradingsystem.risk.book;

/**
 * A token bucket on the event clock: {@code rate} tokens per second up to {@code burst}, full at
 * the start. Time that goes backwards (another stream's older event) refills nothing.
 */
final class TokenBucket {

  private final double ratePerUs;
  private final double burst;
  private double tokens;
  private long atUs = Long.MIN_VALUE;

  TokenBucket(double ratePerSecond, double burst) {
    this.ratePerUs = ratePerSecond / 1_000_000.0;
    this.burst = burst;
    this.tokens = burst;
  }

  /** Tokens held at {@code nowUs}, without taking any. */
  double available(long nowUs) {
    if (atUs == Long.MIN_VALUE || nowUs <= atUs) {
      return tokens;
    }
    return Math.min(burst, tokens + (nowUs - atUs) * ratePerUs);
  }

  /** Takes one token at {@code nowUs} (may go below one when the caller did not look first). */
  void take(long nowUs) {
    tokens = available(nowUs) - 1;
    atUs = atUs == Long.MIN_VALUE ? nowUs : Math.max(atUs, nowUs);
  }
}
