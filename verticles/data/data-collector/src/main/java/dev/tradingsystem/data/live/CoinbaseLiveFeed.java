package dev.tradingsystem.data.live;

import com.google.protobuf.Message;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coinbase Advanced Trade public market data ({@code level2}, {@code market_trades}, {@code ticker},
 * {@code heartbeats}), spoken directly over the Vert.x WebSocket client for the reasons given on
 * {@link BinanceLiveFeed}.
 *
 * <p>Subscriptions are one message per channel:
 * {@code {"type":"subscribe","product_ids":["BTC-USD"],"channel":"level2"}}. The heartbeats channel
 * keeps the other subscriptions open (Coinbase closes quiet ones after 60-90 s) and gives the idle
 * watchdog a frame every second.
 *
 * <p>Gaps: every frame on a connection carries {@code sequence_num}, consecutive over all channels;
 * a jump means frames were lost. Coinbase's level2 book is then rebuilt by resubscribing, which
 * makes the venue send a fresh {@code snapshot} on the same stream. A REST book
 * ({@code /api/v3/brokerage/market/product_book}) carries no sequence number that ties it to the
 * stream, so diffs could not be applied to it safely; the venue's own resync is the correct one.
 * Until the new snapshot arrives, level2 updates for the product are dropped.
 */
public final class CoinbaseLiveFeed implements LiveFeed {

  public static final String SOURCE = "coinbase-live";

  static final List<String> CHANNELS = List.of("heartbeats", "market_trades", "ticker", "level2");

  private static final Logger LOG = LoggerFactory.getLogger(CoinbaseLiveFeed.class);

  private final LiveConfig.Venue venue;
  private final MarketDataSink sink;
  private final CoinbaseFrameParser parser;
  private final WebSocketSession session;
  private final StalenessAlerts staleness;
  private final SequenceTracker sequence = new SequenceTracker();
  private final Set<String> bookSynced = new HashSet<>();
  private WebSocket socket;
  private long gaps;
  private long snapshots;
  private long rejected;

  public CoinbaseLiveFeed(Vertx vertx, LiveConfig config, WebSocketClient ws, MarketDataSink sink,
      ReconnectPolicy reconnect) {
    this.venue = config.coinbase();
    this.sink = sink;
    this.parser = new CoinbaseFrameParser(venue);
    this.staleness = new StalenessAlerts(vertx, venue.name(), config.stalenessMs(), venue.symbols());
    this.session = new WebSocketSession(vertx, ws, venue.name(), venue::wsUrl, reconnect,
        config.idleTimeoutMs(), this::opened, this::onFrame);
  }

  @Override
  public String venue() {
    return venue.name();
  }

  @Override
  public Future<Void> start() {
    staleness.start();
    return session.start();
  }

  @Override
  public Future<Void> stop() {
    staleness.stop();
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
    socket = ws;
    sequence.reset();
    bookSynced.clear();
    CHANNELS.forEach(channel -> send("subscribe", channel));
  }

  private void send(String type, String channel) {
    JsonArray products = new JsonArray(venue.symbols().stream().map(CoinbaseFrameParser::productId).toList());
    socket.writeTextMessage(new JsonObject().put("type", type).put("product_ids", products)
        .put("channel", channel).encode());
  }

  private void onFrame(String raw) {
    CoinbaseFrameParser.Parsed parsed = parser.parse(raw);
    if (parsed.sequence() >= 0) {
      SequenceTracker.Verdict verdict = sequence.observe(parsed.sequence());
      if (verdict == SequenceTracker.Verdict.DUPLICATE) {
        return;
      }
      if (verdict == SequenceTracker.Verdict.GAP) {
        resync(parsed.sequence());
      }
    }
    if (parsed.rejected()) {
      rejected++;
      LOG.debug("{}: rejected frame ({}): {}", venue.name(), parsed.reason().code(), parsed.detail());
      sink.onRejected(SOURCE, parsed.reason().code(), raw);
      return;
    }
    for (Message message : parsed.messages()) {
      route(message);
    }
  }

  private void route(Message message) {
    if (message instanceof Trade trade) {
      staleness.onData(trade.getInstrument().getSymbol());
      sink.onTrade(trade);
    } else if (message instanceof Quote quote) {
      staleness.onData(quote.getInstrument().getSymbol());
      sink.onQuote(quote);
    } else if (message instanceof BookSnapshot snapshot) {
      String symbol = snapshot.getInstrument().getSymbol();
      snapshots++;
      bookSynced.add(symbol);
      staleness.onData(symbol);
      sink.onBookSnapshot(snapshot);
    } else if (message instanceof BookDelta delta) {
      String symbol = delta.getInstrument().getSymbol();
      staleness.onData(symbol);
      if (bookSynced.contains(symbol)) {
        sink.onBookDelta(delta);
      }
    }
  }

  /** Frames were lost: every book is suspect until the venue re-sends a snapshot. */
  private void resync(long at) {
    gaps++;
    LiveMetrics.gaps(venue.name()).increment();
    LOG.warn("{}: sequence gap before {}; resubscribing level2 for a fresh snapshot", venue.name(), at);
    bookSynced.clear();
    if (socket != null && session.connected()) {
      send("unsubscribe", "level2");
      send("subscribe", "level2");
    }
  }
}
