package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.data.ratelimit.RateLimitClock;
import dev.tradingsystem.data.ratelimit.VenueRateLimiters;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Binance feed against a loopback venue replaying real BTCUSDT frames from 2024-08-08. */
@ExtendWith(VertxExtension.class)
class BinanceLiveFeedTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BinanceCapture capture = BinanceCapture.head(800);
  private final RecordingSink sink = new RecordingSink();
  private final VenueRateLimiters limiters = new VenueRateLimiters(RateLimitClock.SYSTEM);
  private Vertx vertx;
  private LoopbackExchange exchange;
  private LiveFeeds feeds;
  private int port;

  @BeforeEach
  void venue(Vertx vertx) {
    this.vertx = vertx;
    ProtobufCodecs.registerAll(vertx);
    exchange = new LoopbackExchange(vertx);
    exchange.defaultAnswer = LoopbackExchange.Answer.ok(capture.snapshot());
    port = exchange.listen().await();
  }

  @AfterEach
  void close() {
    if (feeds != null) {
      feeds.stop().await();
    }
    exchange.close().await();
  }

  private LiveFeed start(BiConsumer<Integer, ServerWebSocket> script, Object... extraConfig) {
    exchange.script = script;
    List<Object> config = new ArrayList<>(List.of(
        "live.venues", "binance",
        "live.binance.wsUrl", "ws://127.0.0.1:" + port,
        "live.binance.restUrl", "http://127.0.0.1:" + port,
        "live.stalenessMs", 60_000,
        "live.reconnect.baseMs", 20, "live.reconnect.capMs", 200));
    config.addAll(List.of(extraConfig));
    feeds = LiveFeeds.create(vertx, LiveConfig.from(ConfigReader.of(TestConfig.of(config.toArray()))), sink, limiters);
    feeds.start().await();
    return feeds.feeds().get(0);
  }

  private List<BookDelta> diffs() {
    ParsedFrames parsed = new ParsedFrames();
    BinanceFrameParser parser = new BinanceFrameParser(LiveConfig.from(ConfigReader.of(TestConfig.of())).binance(), () -> 0L);
    capture.ofKind("depth").forEach(frame -> parser.parseStream(frame, parsed));
    return parsed.deltas;
  }

  /** Binance's sync rules over everything the sink got: after each snapshot, a straddling diff, then a chain. */
  private void assertBookFollowsTheRules() {
    long previous = -1;
    boolean first = false;
    for (Object event : sink.book) {
      if (event instanceof BookSnapshot snapshot) {
        previous = snapshot.getLastUpdateId();
        first = true;
      } else {
        BookDelta delta = (BookDelta) event;
        assertThat(previous).as("a diff before any snapshot").isNotNegative();
        if (first) {
          assertThat(delta.getFirstUpdateId()).isLessThanOrEqualTo(previous + 1);
          assertThat(delta.getLastUpdateId()).isGreaterThanOrEqualTo(previous + 1);
        } else {
          assertThat(delta.getFirstUpdateId()).isEqualTo(previous + 1);
        }
        previous = delta.getLastUpdateId();
        first = false;
      }
    }
  }

  @Test
  void replaysRealFramesIntoTheSink() {
    LiveFeed feed = start((n, ws) -> LoopbackExchange.play(ws, capture.frames()));
    List<BookDelta> diffs = diffs();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(sink.trades).hasSize(capture.ofKind("trade").size());
      assertThat(sink.quotes).hasSize(capture.ofKind("bookTicker").size());
      assertThat(sink.deltas).isNotEmpty().last().isEqualTo(diffs.get(diffs.size() - 1));
    });
    assertThat(exchange.socketPaths).containsExactly(
        "/stream?streams=btcusdt@trade/btcusdt@bookTicker/btcusdt@depth@100ms");
    assertThat(exchange.restCalls).extracting(LoopbackExchange.Call::uri)
        .containsExactly("/api/v3/depth?symbol=BTCUSDT&limit=1000");
    assertThat(sink.snapshots).singleElement().extracting(BookSnapshot::getLastUpdateId).isEqualTo(50_093_239_218L);
    assertThat(sink.deltas).containsExactlyElementsOf(
        diffs.stream().filter(d -> d.getLastUpdateId() > 50_093_239_218L).toList());
    assertBookFollowsTheRules();
    assertThat(sink.rejected).isEmpty();
    assertThat(feed.stats().getLong("gaps")).isZero();
    assertThat(limiters.forVenue("binance", 6000).usedWeight()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void aSequenceGapResyncsFromARestSnapshot() {
    List<BookDelta> diffs = diffs();
    BookDelta lost = diffs.get(20);
    String lostFrame = capture.ofKind("depth").get(20);
    List<String> frames = capture.frames().stream().filter(f -> !f.equals(lostFrame)).toList();
    double gapsBefore = TradingMetrics.counter("trading_live_gaps", "", "venue", "binance").count();
    // The venue's next snapshot is newer than the lost diff: same levels, later update id.
    exchange.answers.add(LoopbackExchange.Answer.ok(capture.snapshot()));
    exchange.answers.add(LoopbackExchange.Answer.ok(capture.snapshot().replace(
        "\"lastUpdateId\":50093239218", "\"lastUpdateId\":" + lost.getLastUpdateId())));
    LiveFeed feed = start((n, ws) -> LoopbackExchange.play(ws, frames));
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(sink.deltas).isNotEmpty().last().isEqualTo(diffs.get(diffs.size() - 1)));
    assertThat(exchange.restCalls).hasSize(2);
    assertThat(sink.snapshots).extracting(BookSnapshot::getLastUpdateId)
        .containsExactly(50_093_239_218L, lost.getLastUpdateId());
    assertThat(sink.deltas).doesNotContain(lost);
    assertBookFollowsTheRules();
    assertThat(feed.stats().getLong("gaps")).isEqualTo(1);
    assertThat(TradingMetrics.counter("trading_live_gaps", "", "venue", "binance").count()).isEqualTo(gapsBefore + 1);
  }

  @Test
  void reconnectsAfterTheVenueDropsTheConnection() {
    int half = capture.frames().size() / 2;
    List<String> before = capture.frames().subList(0, half);
    List<String> after = capture.frames().subList(half, capture.frames().size());
    BinanceFrameParser parser = new BinanceFrameParser(LiveConfig.from(ConfigReader.of(TestConfig.of())).binance(), () -> 0L);
    ParsedFrames afterParsed = new ParsedFrames();
    after.forEach(f -> parser.parseStream(f, afterParsed));
    long resumeId = afterParsed.deltas.get(0).getFirstUpdateId() - 1;
    double reconnectsBefore = TradingMetrics.counter("trading_live_reconnects", "", "venue", "binance").count();
    exchange.answers.add(LoopbackExchange.Answer.ok(capture.snapshot()));
    exchange.defaultAnswer = LoopbackExchange.Answer.ok(capture.snapshot().replace(
        "\"lastUpdateId\":50093239218", "\"lastUpdateId\":" + resumeId));
    LiveFeed feed = start((n, ws) -> {
      if (n == 0) {
        LoopbackExchange.play(ws, before);
        ws.close();
      } else {
        LoopbackExchange.play(ws, after);
      }
    });
    List<BookDelta> diffs = diffs();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(exchange.sockets).hasSize(2);
      assertThat(sink.trades).hasSize(capture.ofKind("trade").size());
      assertThat(sink.deltas).isNotEmpty().last().isEqualTo(diffs.get(diffs.size() - 1));
    });
    assertThat(feed.stats().getInteger("connects")).isEqualTo(2);
    assertThat(TradingMetrics.counter("trading_live_reconnects", "", "venue", "binance").count())
        .isGreaterThanOrEqualTo(reconnectsBefore + 1);
    assertThat(sink.snapshots).extracting(BookSnapshot::getLastUpdateId).endsWith(resumeId);
    assertBookFollowsTheRules();
  }

  @Test
  void malformedFramesAreRejectedAndTheFeedContinues() {
    List<String> frames = new ArrayList<>(capture.frames().subList(0, 100));
    frames.add("]]not json");
    frames.add("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,"
        + "\"p\":\"61837.631\",\"q\":\"0.02\",\"T\":1,\"m\":true}}");
    frames.add("{\"stream\":\"dogeusdt@trade\",\"data\":{}}");
    frames.addAll(capture.frames().subList(100, capture.frames().size()));
    double before = TradingMetrics.rejected("data", BinanceLiveFeed.SOURCE, "malformed_frame").count();
    LiveFeed feed = start((n, ws) -> LoopbackExchange.play(ws, frames));
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(sink.trades).hasSize(capture.ofKind("trade").size()));
    assertThat(sink.rejectReasons()).containsExactly("malformed_frame", "excess_precision", "unknown_symbol");
    assertThat(sink.rejected).allSatisfy(r -> assertThat(r.source()).isEqualTo("binance-live"));
    assertThat(sink.rejected.get(0).raw()).isEqualTo("]]not json");
    assertThat(feed.stats().getLong("rejected")).isEqualTo(3);
    // The feed only reports; the collector counts each rejection once (LiveCollectorTest).
    assertThat(TradingMetrics.rejected("data", BinanceLiveFeed.SOURCE, "malformed_frame").count()).isEqualTo(before);
    assertThat(exchange.sockets).hasSize(1);
  }

  @Test
  void silenceRaisesAStalenessAlertWithinASecondAndDataClearsIt() {
    long thresholdMs = 500;
    List<RiskAlert> alerts = new CopyOnWriteArrayList<>();
    List<Long> alertAt = new CopyOnWriteArrayList<>();
    vertx.eventBus().<RiskAlert>consumer(Addresses.RISK_ALERTS, msg -> {
      alertAt.add(System.nanoTime() / 1_000_000);
      alerts.add(msg.body());
    }).completion().await();
    long[] lastSentMs = new long[1];
    start((n, ws) -> ws.writeTextMessage(capture.ofKind("trade").get(0))
            .onSuccess(v -> lastSentMs[0] = System.nanoTime() / 1_000_000),
        "live.stalenessMs", thresholdMs);
    await().atMost(WAIT).until(() -> sink.trades.size() == 1);
    await().atMost(Duration.ofMillis(thresholdMs + 1000 + 500)).until(() -> !alerts.isEmpty());
    RiskAlert stale = alerts.get(0);
    assertThat(stale.getCode()).isEqualTo("STALE_MARKET_DATA");
    assertThat(stale.getSeverity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(stale.getSymbol()).isEqualTo("BTC/USDT");
    assertThat(alertAt.get(0) - lastSentMs[0]).isBetween(thresholdMs, thresholdMs + 1000);
    assertThat(feeds.stats().getJsonObject("binance").getJsonArray("stale").getList()).containsExactly("BTC/USDT");

    exchange.sockets.get(0).writeTextMessage(capture.ofKind("trade").get(1));
    await().atMost(WAIT).until(() -> alerts.size() >= 2);
    assertThat(alerts.get(1).getCode()).isEqualTo("STALE_MARKET_DATA_CLEARED");
    assertThat(alerts.get(1).getSeverity()).isEqualTo(AlertSeverity.INFO);
    assertThat(alerts.get(1).getSymbol()).isEqualTo("BTC/USDT");
  }

  @Test
  void a429PausesSnapshotCallsForRetryAfter() {
    exchangeAnswersFirst(new LoopbackExchange.Answer(429, Map.of("Retry-After", "1", "X-MBX-USED-WEIGHT-1M", "5000"), "{}"));
  }

  @Test
  void a418BanStopsSnapshotCallsUntilItExpires() {
    exchangeAnswersFirst(new LoopbackExchange.Answer(418, Map.of("Retry-After", "1"), "{}"));
  }

  private void exchangeAnswersFirst(LoopbackExchange.Answer refusal) {
    exchange.answers.add(refusal);
    LiveFeed feed = start((n, ws) -> LoopbackExchange.play(ws, capture.frames()));
    await().atMost(WAIT).untilAsserted(() -> assertThat(sink.snapshots).hasSize(1));
    assertThat(exchange.restCalls).hasSize(2);
    long pausedMs = exchange.restCalls.get(1).atMs() - exchange.restCalls.get(0).atMs();
    assertThat(pausedMs).as("second call only after Retry-After").isGreaterThanOrEqualTo(900);
    List<BookDelta> diffs = diffs();
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(sink.deltas).isNotEmpty().last().isEqualTo(diffs.get(diffs.size() - 1)));
    assertThat(feed.stats().getLong("snapshots")).isEqualTo(1);
  }
}
