package dev.tradingsystem.data.live;

import dev.tradingsystem.data.ratelimit.BinanceRequestWeights;
import dev.tradingsystem.data.ratelimit.RateLimitedException;
import dev.tradingsystem.data.ratelimit.ThrottledRestClient;
import dev.tradingsystem.data.source.MarketDataSink;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance spot public market data, spoken directly over the Vert.x WebSocket and HTTP clients.
 *
 * <p>Why not XChange: XChange 5.2.4's streaming module runs its own netty-all event loops and
 * delivers through RxJava, so every frame would cross from a foreign thread into Vert.x, two netty
 * versions would sit on one classpath (the Vert.x BOM pins netty 4.2), and its reconnect and
 * book-sync logic could not be driven or tested against a loopback server. The protocol is small:
 * one combined-stream URL, three JSON shapes, one REST endpoint.
 *
 * <p>Protocol: {@code <wsUrl>/stream?streams=<sym>@trade/<sym>@bookTicker/<sym>@depth@100ms};
 * after every (re)connect the book is rebuilt from {@code GET <restUrl>/api/v3/depth?symbol=&limit=}
 * (charged to the shared weight limiter) with diffs buffered meanwhile ({@link BinanceDepthSync});
 * a diff whose {@code U} is not the previous {@code u + 1} is a gap and triggers a new snapshot.
 * Binance's pings are answered by Vert.x; a connection lives at most 24 h at Binance and the
 * reconnect brings it back.
 */
public final class BinanceLiveFeed implements LiveFeed {

  public static final String SOURCE = "binance-live";

  private static final Logger LOG = LoggerFactory.getLogger(BinanceLiveFeed.class);

  private final Vertx vertx;
  private final LiveConfig.Venue venue;
  private final ThrottledRestClient rest;
  private final MarketDataSink sink;
  private final BinanceFrameParser parser;
  private final WebSocketSession session;
  private final StalenessAlerts staleness;
  private final ReconnectPolicy snapshotRetry;
  private final Map<String, BinanceDepthSync> books = new HashMap<>();
  private final Map<String, Boolean> snapshotInFlight = new HashMap<>();
  private final FrameListener listener = new Listener();
  private long epoch;
  private long gaps;
  private long snapshots;
  private long rejected;
  private String lastRaw = "";

  public BinanceLiveFeed(Vertx vertx, LiveConfig config, WebSocketClient ws, ThrottledRestClient rest,
      MarketDataSink sink, ReconnectPolicy reconnect, ReconnectPolicy snapshotRetry, LongSupplier receiveMicros) {
    this.vertx = vertx;
    this.venue = config.binance();
    this.rest = rest;
    this.sink = sink;
    this.snapshotRetry = snapshotRetry;
    this.parser = new BinanceFrameParser(venue, receiveMicros);
    venue.symbols().forEach(symbol -> books.put(symbol, new BinanceDepthSync()));
    this.staleness = new StalenessAlerts(vertx, venue.name(), config.stalenessMs(), venue.symbols());
    this.session = new WebSocketSession(vertx, ws, venue.name(), this::streamUrl, reconnect,
        config.idleTimeoutMs(), this::opened, this::onFrame);
  }

  @Override
  public String venue() {
    return venue.name();
  }

  /** {@code <wsUrl>/stream?streams=btcusdt@trade/btcusdt@bookTicker/btcusdt@depth@100ms}. */
  String streamUrl() {
    return venue.wsUrl() + "/stream?streams=" + venue.symbols().stream()
        .map(BinanceFrameParser::streamSymbol)
        .map(s -> s + "@trade/" + s + "@bookTicker/" + s + "@depth@100ms")
        .collect(Collectors.joining("/"));
  }

  @Override
  public Future<Void> start() {
    staleness.start();
    return session.start();
  }

  @Override
  public Future<Void> stop() {
    staleness.stop();
    epoch++;
    return session.stop();
  }

  @Override
  public JsonObject stats() {
    return new JsonObject().put("venue", venue.name()).put("connected", session.connected())
        .put("connects", session.connects()).put("gaps", gaps).put("snapshots", snapshots)
        .put("rejected", rejected)
        .put("stale", new JsonArray(venue.symbols().stream().filter(staleness::isStale).toList()));
  }

  private void opened(WebSocket ws) {
    epoch++;
    snapshotInFlight.clear();
    books.values().forEach(BinanceDepthSync::reset);
    venue.symbols().forEach(this::requestSnapshot);
  }

  private void onFrame(String raw) {
    lastRaw = raw;
    parser.parseStream(raw, listener);
  }

  private void requestSnapshot(String symbol) {
    if (Boolean.TRUE.equals(snapshotInFlight.get(symbol))) {
      return;
    }
    snapshotInFlight.put(symbol, true);
    long requestedIn = epoch;
    String url = venue.restUrl() + "/api/v3/depth?symbol=" + BinanceFrameParser.restSymbol(symbol)
        + "&limit=" + venue.depthLimit();
    rest.get(url, BinanceRequestWeights.depth(venue.depthLimit()))
        .onComplete(done -> {
          if (requestedIn != epoch) {
            return; // answer for a connection that is gone; the new one asked again
          }
          snapshotInFlight.put(symbol, false);
          if (done.succeeded()) {
            applySnapshot(symbol, done.result().toString());
          } else {
            retrySnapshot(symbol, done.cause());
          }
        });
  }

  private void applySnapshot(String symbol, String body) {
    BookSnapshot snapshot;
    try {
      snapshot = parser.snapshot(symbol, body);
    } catch (FrameException e) {
      reject(e.reason(), e.getMessage(), body);
      retrySnapshot(symbol, e);
      return;
    }
    snapshots++;
    snapshotRetry.onConnected(0);
    sink.onBookSnapshot(snapshot);
    staleness.onData(symbol);
    BinanceDepthSync.Step step = books.get(symbol).onSnapshot(snapshot.getLastUpdateId());
    step.deliver().forEach(sink::onBookDelta);
    if (step.resync()) {
      gap(symbol, "snapshot " + snapshot.getLastUpdateId() + " is older than the buffered diffs");
    }
  }

  private void retrySnapshot(String symbol, Throwable cause) {
    long delay = cause instanceof RateLimitedException limited
        ? Math.max(limited.retryAfterMs(), 1)
        : Math.max(1, snapshotRetry.nextDelayMs(0));
    LOG.warn("{} {}: book snapshot failed ({}); retrying in {} ms", venue.name(), symbol, cause.getMessage(), delay);
    long requestedIn = epoch;
    vertx.setTimer(delay, id -> {
      if (requestedIn == epoch && !books.get(symbol).synced()) {
        requestSnapshot(symbol);
      }
    });
  }

  private void gap(String symbol, String why) {
    gaps++;
    LiveMetrics.gaps(venue.name()).increment();
    LOG.warn("{} {}: depth sequence gap ({}); resyncing from a REST snapshot", venue.name(), symbol, why);
    requestSnapshot(symbol);
  }

  private void reject(LiveRejectReason reason, String detail, String raw) {
    rejected++;
    LOG.debug("{}: rejected frame ({}): {}", venue.name(), reason.code(), detail);
    sink.onRejected(SOURCE, reason.code(), raw);
  }

  /** Routes parsed messages; runs on the session's context. */
  private final class Listener implements FrameListener {

    @Override
    public void trade(Trade trade) {
      staleness.onData(trade.getInstrument().getSymbol());
      sink.onTrade(trade);
    }

    @Override
    public void quote(Quote quote) {
      staleness.onData(quote.getInstrument().getSymbol());
      sink.onQuote(quote);
    }

    @Override
    public void snapshot(BookSnapshot snapshot) {
      sink.onBookSnapshot(snapshot);
    }

    @Override
    public void delta(BookDelta delta) {
      String symbol = delta.getInstrument().getSymbol();
      staleness.onData(symbol);
      BinanceDepthSync.Step step = books.get(symbol).onDiff(delta);
      step.deliver().forEach(sink::onBookDelta);
      if (step.resync()) {
        gap(symbol, "diff U=" + delta.getFirstUpdateId() + " after a gap");
      }
    }

    @Override
    public void rejected(LiveRejectReason reason, String detail) {
      reject(reason, detail, lastRaw);
    }
  }
}
