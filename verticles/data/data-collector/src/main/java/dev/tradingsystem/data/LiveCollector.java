package dev.tradingsystem.data;

import dev.tradingsystem.data.book.OrderBook;
import dev.tradingsystem.data.live.LiveConfig;
import dev.tradingsystem.data.live.LiveFeeds;
import dev.tradingsystem.data.ratelimit.VenueRateLimiters;
import dev.tradingsystem.data.replay.ReplayStats;
import dev.tradingsystem.proto.Instrument;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector in live mode ({@code collector.source=live}): the venues' feeds deliver into a
 * {@link PublishingSink}, which numbers and publishes every event like a replay, one
 * {@link ReplayPublisher} per instrument, all sharing one seq numbering. There is no roll call, no
 * barrier and no end: the market does not wait for the pipeline. Create it on the collector's
 * context, so that the feeds' callbacks (and with them all publishing) run there.
 */
final class LiveCollector {

  private static final Logger LOG = LoggerFactory.getLogger(LiveCollector.class);

  private final Vertx vertx;
  private final DataCollectorConfig config;
  private final ReplayStats stats;
  /** By {@link #key}; in venue and symbol order of the config, for stable stats. */
  private final Map<String, ReplayPublisher> publishers = new LinkedHashMap<>();
  private final PublishingSink sink;
  private final LiveFeeds feeds;

  LiveCollector(Vertx vertx, DataCollectorConfig config) {
    this.vertx = vertx;
    this.config = config;
    LiveConfig live = config.live();
    this.stats = new ReplayStats("live:" + String.join(",", live.venues()));
    for (String venue : live.venues()) {
      LiveConfig.Venue settings = venue.equals("binance") ? live.binance() : live.coinbase();
      settings.symbols().forEach(symbol -> publisher(settings.instrument(symbol)));
    }
    ReplayPublisher first = publishers.values().iterator().next();
    this.sink = new PublishingSink(this::publisher, first);
    this.feeds = LiveFeeds.create(vertx, live, sink, VenueRateLimiters.process());
  }

  /** Completes after every feed made its first connection attempt; the feeds keep retrying after it. */
  Future<Void> start() {
    LOG.info("streaming live {} for {}", config.live().venues(), publishers.keySet());
    return feeds.start();
  }

  Future<Void> stop() {
    return feeds.stop();
  }

  /**
   * The collector's report keys ({@code ticks} = published trades) plus {@code events} (every
   * numbered message), {@code books} and {@code live} (per venue: connects, gaps, rejected, stale).
   */
  JsonObject stats() {
    JsonObject byReason = new JsonObject();
    stats.rejectedByReason().forEach(byReason::put);
    Map<String, OrderBook> books = new LinkedHashMap<>();
    publishers.forEach((key, publisher) -> publisher.books().values().forEach(book -> books.put(key, book)));
    return new JsonObject()
        .put("ticks", sink.trades())
        .put("events", stats.ticks())
        .put("rejected", stats.rejected())
        .put("rejectedByReason", byReason)
        .put("barrierTimeouts", 0)
        .put("completed", false)
        .put("source", stats.source())
        .put("books", DataCollectorVerticle.booksJson(stats, books))
        .put("live", feeds.stats());
  }

  /** The publisher of an instrument; one the config did not name (never expected) gets its own. */
  private ReplayPublisher publisher(Instrument instrument) {
    return publishers.computeIfAbsent(key(instrument), k -> new ReplayPublisher(vertx.eventBus(), config.features(),
        instrument, stats, ReplayPublisher.LIVE_DEAD_LETTER_SOURCE));
  }

  /** {@code binance:BTC/USDT}: the same symbol on two venues is two books and two feature streams. */
  private static String key(Instrument instrument) {
    return instrument.getVenue() + ":" + instrument.getSymbol();
  }
}
