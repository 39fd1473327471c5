package dev.tradingsystem.data;

import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.cache.FeatureSnapshotCache;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest feature vector per symbol and timeframe in the cache (Redis when configured,
 * in-process otherwise). Only the newest vector matters to a reader, so vectors are coalesced in
 * memory and written every {@code flushIntervalMs}: the cache sees a bounded write rate however
 * fast the replay runs, and the tick path does no I/O.
 */
final class FeatureSnapshotRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureSnapshotRecorder.class);

  private final Vertx vertx;
  private final FeatureSnapshotCache cache;
  private final long flushIntervalMs;
  private final Map<String, FeatureVector> latest = new LinkedHashMap<>();
  private final List<MessageConsumer<FeatureVector>> consumers = new ArrayList<>();
  private final Counter written = TradingMetrics.counter("trading_data_snapshots_written",
      "Latest feature vectors written to the cache");
  private long timer = -1;
  private boolean flushing;

  FeatureSnapshotRecorder(Vertx vertx, FeatureSnapshotCache cache, long flushIntervalMs) {
    this.vertx = vertx;
    this.cache = cache;
    this.flushIntervalMs = flushIntervalMs;
  }

  /** Call on the collector's context. */
  Future<Void> start() {
    consumers.add(vertx.eventBus().consumer(Addresses.FEATURES, msg -> remember(msg.body())));
    consumers.add(vertx.eventBus().consumer(Addresses.FEATURES_CANDLE, msg -> remember(msg.body())));
    timer = vertx.setPeriodic(flushIntervalMs, id -> flush());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  Future<Void> stop() {
    vertx.cancelTimer(timer);
    List<Future<?>> closing = new ArrayList<>();
    consumers.forEach(c -> closing.add(c.unregister()));
    closing.add(flush());
    return Future.join(closing).compose(v -> cache.cache().close());
  }

  private void remember(Object body) {
    if (body instanceof FeatureVector vector) {
      latest.put(FeatureSnapshotCache.key(vector.getInstrument().getSymbol(), vector.getTimeframeSec()), vector);
    }
  }

  /** Writes what changed since the last flush; one flush at a time, failures logged and counted by the cache. */
  Future<Void> flush() {
    if (flushing || latest.isEmpty()) {
      return Future.succeededFuture();
    }
    flushing = true;
    List<Future<?>> writes = new ArrayList<>();
    for (FeatureVector vector : latest.values()) {
      writes.add(cache.put(vector).onSuccess(v -> written.increment()));
    }
    latest.clear();
    return Future.join(writes)
        .onFailure(e -> LOG.warn("feature snapshots not cached: {}", e.getMessage()))
        .eventually(() -> {
          flushing = false;
          return Future.succeededFuture();
        })
        .mapEmpty();
  }
}
