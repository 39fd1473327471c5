package dev.tradingsystem.data.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** One venue's live market-data feed delivering into a {@code MarketDataSink}. */
public interface LiveFeed {

  String venue();

  /** Connects; completes once the first connection attempt ended (the feed keeps retrying after a failure). */
  Future<Void> start();

  /** Closes the connection and cancels every timer. */
  Future<Void> stop();

  /** Counters for the service's stats: connects, gaps, snapshots, rejected, stale symbols. */
  JsonObject stats();
}
