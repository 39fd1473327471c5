package dev.tradingsystem.shared.cache;

import dev.tradingsystem.proto.FeatureVector;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The latest {@link FeatureVector} per symbol and timeframe, under
 * {@code features:<symbol>:<timeframe_sec>} (timeframe 0 for tick features). The data-collector
 * writes after each published vector; readers (gateway, agents started mid-stream, a process that
 * restarted) take the current picture without replaying the stream.
 *
 * <p>Last write wins: the collector publishes a symbol's vectors in order, so the last put is
 * the newest. The TTL lets the snapshot of a feed that stopped disappear instead of looking live.
 */
public final class FeatureSnapshotCache {

  /** Long enough to outlive a quiet market, short enough that a dead feed's snapshot goes away. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  private final Cache cache;
  private final Duration ttl;

  public FeatureSnapshotCache(Cache cache) {
    this(cache, DEFAULT_TTL);
  }

  public FeatureSnapshotCache(Cache cache, Duration ttl) {
    this.cache = cache;
    this.ttl = ttl;
  }

  /** The key a vector is stored under: {@code features:<symbol>:<timeframe_sec>}. */
  public static String key(String symbol, int timeframeSec) {
    return "features:" + symbol + ":" + timeframeSec;
  }

  /** Stores {@code vector} as its symbol's latest for its timeframe. Fails on a vector without a symbol. */
  public Future<Void> put(FeatureVector vector) {
    String symbol = vector.getInstrument().getSymbol();
    if (symbol.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("feature vector " + vector.getMeta().getId() + " has no symbol"));
    }
    return cache.put(key(symbol, vector.getTimeframeSec()), vector, ttl);
  }

  /** The latest vector for the symbol and timeframe, or {@code null} when none is cached. */
  public Future<FeatureVector> latest(String symbol, int timeframeSec) {
    return cache.get(key(symbol, timeframeSec), FeatureVector.parser());
  }

  /** The underlying cache. */
  public Cache cache() {
    return cache;
  }
}
