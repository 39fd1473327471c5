package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.data.ratelimit.RateLimitClock;
import dev.tradingsystem.data.ratelimit.VenueRateLimiters;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Coinbase feed against a loopback venue speaking Advanced Trade's documented frames. */
@ExtendWith(VertxExtension.class)
class CoinbaseLiveFeedTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecordingSink sink = new RecordingSink();
  private LoopbackExchange exchange;
  private LiveFeeds feeds;

  @AfterEach
  void close() {
    feeds.stop().await();
    exchange.close().await();
  }

  @Test
  void subscribesDeliversResyncsOnAGapAndReconnects(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    exchange = new LoopbackExchange(vertx);
    exchange.script = (n, ws) -> {
      if (n == 0) {
        LoopbackExchange.play(ws, List.of(
            CoinbaseFrames.subscriptions(0),
            CoinbaseFrames.l2Snapshot(1),
            CoinbaseFrames.l2Update(2, "21921.70", "0.4"),
            CoinbaseFrames.trade(3, "631", "21932.98", "0.25", "SELL"),
            CoinbaseFrames.ticker(4),
            CoinbaseFrames.heartbeat(5),
            "{\"channel\":\"l2_data\",\"sequence_num\":",   // truncated frame
            CoinbaseFrames.l2Update(7, "21921.71", "0.7"))); // 6 never came: a gap
      } else {
        LoopbackExchange.play(ws, List.of(
            CoinbaseFrames.subscriptions(0),
            CoinbaseFrames.l2Snapshot(1),
            CoinbaseFrames.trade(2, "640", "21933.00", "0.1", "BUY")));
      }
    };
    // After the gap the feed resubscribes level2; the venue answers with a fresh snapshot, then drops the line.
    exchange.reactor = (ws, text) -> {
      JsonObject message = new JsonObject(text);
      long level2Subscribes = exchange.clientMessages.stream()
          .map(JsonObject::new)
          .filter(m -> m.getString("type").equals("subscribe") && m.getString("channel").equals("level2"))
          .count();
      if (exchange.sockets.indexOf(ws) == 0 && message.getString("channel").equals("level2")
          && message.getString("type").equals("subscribe") && level2Subscribes == 2) {
        LoopbackExchange.play(ws, List.of(CoinbaseFrames.subscriptions(8), CoinbaseFrames.l2Snapshot(9),
            CoinbaseFrames.l2Update(10, "21921.72", "0.9")));
        ws.close();
      }
    };
    int port = exchange.listen().await();
    LiveConfig config = LiveConfig.from(ConfigReader.of(TestConfig.of(
        "live.venues", "coinbase", "live.coinbase.wsUrl", "ws://127.0.0.1:" + port,
        "live.stalenessMs", 60_000, "live.reconnect.baseMs", 20, "live.reconnect.capMs", 200)));
    feeds = LiveFeeds.create(vertx, config, sink, new VenueRateLimiters(RateLimitClock.SYSTEM));
    feeds.start().await();

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(exchange.sockets).hasSize(2);
      assertThat(sink.trades).hasSize(2);
      assertThat(sink.snapshots).hasSize(3);
    });
    List<JsonObject> sent = exchange.clientMessages.stream().map(JsonObject::new).toList();
    assertThat(sent.subList(0, 4)).allSatisfy(m -> {
      assertThat(m.getString("type")).isEqualTo("subscribe");
      assertThat(m.getJsonArray("product_ids").getList()).containsExactly("BTC-USD");
    });
    assertThat(sent.subList(0, 4)).extracting(m -> m.getString("channel"))
        .containsExactly("heartbeats", "market_trades", "ticker", "level2");
    assertThat(sent.subList(4, 6)).extracting(m -> m.getString("type") + " " + m.getString("channel"))
        .containsExactly("unsubscribe level2", "subscribe level2");
    // Update 7 came after the gap, before the fresh snapshot: dropped. 2 and 10 are in sequence.
    assertThat(sink.deltas).extracting(BookDelta::getFirstUpdateId).containsExactly(2L, 10L);
    assertThat(sink.trades).extracting(t -> t.getTradeId()).containsExactly("631", "640");
    assertThat(sink.quotes).hasSize(1);
    assertThat(sink.rejectReasons()).containsExactly("malformed_frame");
    assertThat(sink.rejected.get(0).source()).isEqualTo("coinbase-live");
    JsonObject stats = feeds.stats().getJsonObject("coinbase");
    assertThat(stats.getLong("gaps")).isEqualTo(1);
    assertThat(stats.getInteger("connects")).isEqualTo(2);
    assertThat(stats.getLong("rejected")).isEqualTo(1);
  }
}
