package dev.tradingsystem.data.live;

import dev.tradingsystem.data.ratelimit.ThrottledRestClient;
import dev.tradingsystem.data.ratelimit.VenueRateLimiters;
import dev.tradingsystem.data.source.MarketDataSink;
import dev.tradingsystem.shared.clock.WallClock;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The live feeds named in {@code live.venues}, built from config and started and stopped together.
 * The collector calls {@link #create} from its verticle's {@code start()} (so the feeds' callbacks
 * run on its context), then {@link #start}, and {@link #stop} from {@code stop()}.
 */
public final class LiveFeeds {

  /** Venue messages are large (Coinbase's level2 snapshot is megabytes). */
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final List<LiveFeed> feeds;
  private final WebSocketClient ws;
  private final HttpClient http;

  private LiveFeeds(List<LiveFeed> feeds, WebSocketClient ws, HttpClient http) {
    this.feeds = List.copyOf(feeds);
    this.ws = ws;
    this.http = http;
  }

  /** Feeds per the {@code live.*} keys of {@code config}; REST budgets shared process-wide. */
  public static LiveFeeds create(Vertx vertx, JsonObject config, MarketDataSink sink) {
    return create(vertx, LiveConfig.from(ConfigReader.of(config)), sink, VenueRateLimiters.process());
  }

  /** As {@link #create(Vertx, JsonObject, MarketDataSink)} with a typed config and given limiters. */
  public static LiveFeeds create(Vertx vertx, LiveConfig config, MarketDataSink sink, VenueRateLimiters limiters) {
    WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxMessageSize(MAX_MESSAGE_BYTES).setMaxFrameSize(MAX_MESSAGE_BYTES)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.restTimeoutMs())));
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    // Seeded from entropy: jitter exists to decorrelate processes, so each must draw differently.
    SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    List<LiveFeed> feeds = new ArrayList<>();
    for (String venue : config.venues()) {
      ReconnectPolicy reconnect = new ReconnectPolicy(config.reconnectBaseMs(), config.reconnectCapMs(),
          config.reconnectHealthyMs(), random.split());
      if (venue.equals("binance")) {
        LiveConfig.Venue binance = config.binance();
        ThrottledRestClient rest = new ThrottledRestClient(vertx, http,
            limiters.forVenue(binance.name(), binance.weightPerMinute()), config.restTimeoutMs(), config.reconnectCapMs());
        ReconnectPolicy snapshotRetry = new ReconnectPolicy(config.reconnectBaseMs(), config.reconnectCapMs(), 0, random.split());
        feeds.add(new BinanceLiveFeed(vertx, config, ws, rest, sink, reconnect, snapshotRetry, WallClock::micros));
      } else {
        feeds.add(new CoinbaseLiveFeed(vertx, config, ws, sink, reconnect));
      }
    }
    return new LiveFeeds(feeds, ws, http);
  }

  public List<LiveFeed> feeds() {
    return feeds;
  }

  /** Starts every feed; completes when each made its first connection attempt. */
  public Future<Void> start() {
    return Future.all(feeds.stream().map(LiveFeed::start).toList()).mapEmpty();
  }

  /** Stops the feeds, then closes the clients. */
  public Future<Void> stop() {
    return Future.join(feeds.stream().map(LiveFeed::stop).toList())
        .eventually(() -> Future.join(ws.close(), http.close()))
        .mapEmpty();
  }

  /** {@code {binance: {...}, coinbase: {...}}} for the collector's stats. */
  public JsonObject stats() {
    JsonObject stats = new JsonObject();
    feeds.forEach(feed -> stats.put(feed.venue(), feed.stats()));
    return stats;
  }
}
