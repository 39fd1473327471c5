package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.data.live.BinanceCapture;
import dev.tradingsystem.data.live.LoopbackExchange;
import dev.tradingsystem.data.live.TestConfig;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The collector with {@code collector.source=live}, deployed against a loopback Binance replaying
 * real BTCUSDT frames (2024-08-08): the same numbered trades, feature vectors and books as a replay,
 * and each rejected frame counted once.
 */
@ExtendWith(VertxExtension.class)
class LiveCollectorTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String MALFORMED = "]]not json";

  private final BinanceCapture capture = BinanceCapture.head(800);
  private Vertx vertx;
  private LoopbackExchange exchange;
  private ReplayTape tape;
  private String deployment;
  private JsonObject config;

  @BeforeEach
  void venue(Vertx vertx) {
    this.vertx = vertx;
    ProtobufCodecs.registerAll(vertx);
    exchange = new LoopbackExchange(vertx);
    exchange.defaultAnswer = LoopbackExchange.Answer.ok(capture.snapshot());
    int port = exchange.listen().await();
    tape = ReplayTape.record(vertx).await();
    config = TestConfig.of(
        "collector.source", "live",
        "live.venues", "binance",
        "live.binance.wsUrl", "ws://127.0.0.1:" + port,
        "live.binance.restUrl", "http://127.0.0.1:" + port,
        "live.stalenessMs", 60_000,
        "live.reconnect.baseMs", 20,
        "live.reconnect.capMs", 200);
  }

  @AfterEach
  void close() {
    if (deployment != null) {
      vertx.undeploy(deployment).await();
    }
    exchange.close().await();
  }

  private void deploy(List<String> frames) {
    exchange.script = (n, ws) -> LoopbackExchange.play(ws, frames);
    deployment = vertx.deployVerticle(new DataCollectorVerticle(), new DeploymentOptions().setConfig(config)).await();
  }

  @Test
  void liveTradesAreNumberedFromOneWithTheirFeatureVectorsAndBooks() {
    int trades = capture.ofKind("trade").size();
    deploy(capture.frames());

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(tape.trades).hasSize(trades);
      assertThat(tape.features).hasSize(trades);
      // The book syncs from a REST snapshot fetched beside the stream: it may finish after the last trade.
      assertThat(tape.books).as("the synced snapshot and at least one delta").hasSizeGreaterThan(1);
    });
    assertThat(tape.trades).allSatisfy(t -> assertThat(t.getInstrument().getSymbol()).isEqualTo("BTC/USDT"));
    assertThat(tape.features).allSatisfy(f -> assertThat(f.getInstrument().getSymbol()).isEqualTo("BTC/USDT"));
    assertThat(tape.features).extracting(FeatureVector::getMeta)
        .as("each FeatureVector carries its trade's meta")
        .containsExactlyElementsOf(tape.trades.stream().map(Trade::getMeta).toList());
    assertThat(tape.trades).extracting(t -> t.getMeta().getId())
        .allSatisfy(id -> assertThat(id).startsWith("md-"));

    assertThat(tape.books).isNotEmpty();
    assertThat(tape.books.get(0)).as("the first book message is the synced snapshot")
        .isInstanceOfSatisfying(BookSnapshot.class, s -> {
          assertThat(s.getInstrument().getSymbol()).isEqualTo("BTC/USDT");
          assertThat(s.getBidsCount()).isPositive();
        });
    assertThat(tape.books.subList(1, tape.books.size())).isNotEmpty()
        .allSatisfy(b -> assertThat(b).isInstanceOf(BookDelta.class));

    // Trades, quotes and books share one numbering: 1, 2, 3, ... with no hole.
    List<Long> seqs = new ArrayList<>(Stream.of(
            tape.trades.stream().map(Trade::getMeta),
            tape.quotes.stream().map(q -> q.getMeta()),
            tape.books.stream().map(LiveCollectorTest::meta))
        .flatMap(s -> s).map(Meta::getSeq).sorted().toList());
    assertThat(seqs.get(0)).isEqualTo(1);
    assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
    assertThat(tape.trades).extracting(t -> t.getMeta().getSeq()).isSorted();

    JsonObject stats = ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000).await();
    assertThat(stats.getLong("ticks")).isEqualTo(trades);
    assertThat(stats.getLong("events")).isEqualTo(seqs.size());
    assertThat(stats.getLong("rejected")).isZero();
    assertThat(stats.getBoolean("completed")).isFalse();
    assertThat(stats.getString("source")).isEqualTo("live:binance");
    assertThat(stats.getJsonObject("live").getJsonObject("binance").getInteger("connects")).isEqualTo(1);
    assertThat(stats.getJsonObject("books").getJsonObject("binance:BTC/USDT").getBoolean("synced")).isTrue();
    assertThat(tape.progress).as("live data has no end to report").isEmpty();
  }

  @Test
  void aMalformedLiveFrameIsCountedOnceAndDeadLettered() {
    List<String> frames = new ArrayList<>(capture.frames().subList(0, 100));
    frames.add(MALFORMED);
    frames.addAll(capture.frames().subList(100, capture.frames().size()));
    double before = TradingMetrics.rejected("data", "binance-live", "malformed_frame").count();
    deploy(frames);

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(tape.trades).hasSize(capture.ofKind("trade").size());
      assertThat(tape.deadLetters).hasSize(1);
    });
    DeadLetter dead = tape.deadLetters.get(0);
    assertThat(dead.getReason()).isEqualTo("malformed_frame");
    assertThat(dead.getPayload()).isEqualTo(MALFORMED);
    assertThat(dead.getSource()).isEqualTo("data-collector/live");
    assertThat(TradingMetrics.rejected("data", "binance-live", "malformed_frame").count())
        .as("counted by the collector only, not again by the feed").isEqualTo(before + 1);

    JsonObject stats = ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000).await();
    assertThat(stats.getLong("rejected")).isEqualTo(1);
    assertThat(stats.getJsonObject("rejectedByReason").getLong("malformed_frame")).isEqualTo(1);
    assertThat(stats.getJsonObject("live").getJsonObject("binance").getLong("rejected")).isEqualTo(1);
  }

  private static Meta meta(Object book) {
    return book instanceof BookSnapshot s ? s.getMeta() : ((BookDelta) book).getMeta();
  }
}
