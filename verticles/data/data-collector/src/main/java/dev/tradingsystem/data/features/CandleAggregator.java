package dev.tradingsystem.data.features;

/**
 * Builds OHLCV candles in fixed point from trades, in buckets of event time aligned to the epoch.
 * A candle is closed by the first trade of a later bucket, never by a timer: in replay there is
 * no wall time to wait on, and the candle must close on the tick a participant can see. Empty
 * buckets produce no candle (no synthetic flat bars at this level); a gap shows as a jump in
 * {@link Bar#openTimeUs()} between consecutive candles.
 */
public final class CandleAggregator {

  /**
   * A finished candle; prices in price units, volume in size units.
   *
   * @param openTimeUs start of the bucket (inclusive), epoch-aligned
   */
  public record Bar(long openTimeUs, long open, long high, long low, long close, long volume, int tradeCount) {
  }

  private final long intervalMicros;
  private long bucket = Long.MIN_VALUE;
  private long open;
  private long high;
  private long low;
  private long close;
  private long volume;
  private int tradeCount;
  private long skippedBuckets;

  public CandleAggregator(int intervalSeconds) {
    if (intervalSeconds < 1) {
      throw new IllegalArgumentException("candle interval must be >= 1 s, got " + intervalSeconds);
    }
    this.intervalMicros = intervalSeconds * 1_000_000L;
  }

  /**
   * Adds a trade. Trades must come in event-time order (the validator guarantees it); a trade
   * stamped before the current bucket is folded into it rather than reopening a closed candle.
   *
   * @return the candle this trade closed, or null when it fell into the current bucket
   */
  public Bar onTrade(long eventTimeUs, long price, long size) {
    long tradeBucket = Math.floorDiv(eventTimeUs, intervalMicros);
    Bar closed = null;
    if (tradeCount > 0 && tradeBucket > bucket) {
      closed = new Bar(bucket * intervalMicros, open, high, low, close, volume, tradeCount);
      skippedBuckets = tradeBucket - bucket - 1;
      tradeCount = 0;
    } else {
      skippedBuckets = 0;
    }
    if (tradeCount == 0) {
      bucket = tradeBucket;
      open = price;
      high = price;
      low = price;
      volume = 0;
    }
    high = Math.max(high, price);
    low = Math.min(low, price);
    close = price;
    volume = Math.addExact(volume, size);
    tradeCount++;
    return closed;
  }

  /**
   * Empty buckets between the candle the last {@link #onTrade} closed and the one it opened
   * (0 when it closed none or the buckets were adjacent): what a gap-filling caller fills.
   */
  public long skippedBuckets() {
    return skippedBuckets;
  }

  /** The candle being built, or null before the first trade. */
  public Bar current() {
    return tradeCount == 0 ? null : new Bar(bucket * intervalMicros, open, high, low, close, volume, tradeCount);
  }

  public int intervalSeconds() {
    return (int) (intervalMicros / 1_000_000L);
  }
}
