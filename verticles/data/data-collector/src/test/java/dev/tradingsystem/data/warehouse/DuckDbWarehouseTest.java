package dev.tradingsystem.data.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB warehouse for real: rows written by the writer from pipeline messages, read back with SQL. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DuckDbWarehouseTest {

  @TempDir
  Path dir;

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  @Test
  void writerRecordsEveryStreamAndASecondWriterAppends(Vertx vertx) throws Exception {
    List<Trade> trades = WarehouseFixtures.trades(40);
    JsonObject config = config(dir.resolve("wh"), 25);

    JsonObject first = await(WarehouseRun.record(vertx, config, WarehouseRun.pipelineMessages(trades.subList(0, 20))));
    JsonObject second = await(WarehouseRun.record(vertx, config, WarehouseRun.pipelineMessages(trades.subList(20, 40))));

    assertThat(first.getJsonObject("appended").getLong("trades")).isEqualTo(20);
    assertThat(first.getJsonObject("appended").getLong("features")).isEqualTo(21);
    assertThat(second.getLong("failures")).isZero();
    Path file = dir.resolve("wh").resolve(WarehouseConfig.DEFAULT_DUCKDB_FILE);
    assertThat(file).isRegularFile();
    try (Connection sql = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = sql.createStatement()) {
      assertThat(count(st, "SELECT count(*) FROM trades")).isEqualTo(40);
      assertThat(count(st, "SELECT count(*) FROM features WHERE timeframe_sec = 0")).isEqualTo(40);
      assertThat(count(st, "SELECT count(*) FROM features WHERE timeframe_sec = 60")).isEqualTo(2);
      assertThat(count(st, "SELECT count(*) FROM candles")).isEqualTo(2);
      assertThat(count(st, "SELECT count(*) FROM signals WHERE agent = 'deepseek' AND direction = 'LONG'")).isEqualTo(40);
      assertThat(count(st, "SELECT count(*) FROM executions WHERE side = 'BUY' AND liquidity = 'TAKER'")).isEqualTo(40);
      assertThat(count(st, "SELECT count(DISTINCT message_id) FROM trades")).isEqualTo(40);
      assertThat(count(st, "SELECT max(seq) FROM trades")).isEqualTo(40);

      Trade seventh = trades.get(6);
      try (ResultSet rs = st.executeQuery(
          "SELECT price_units, price, size_units, event_time_us, trace_id, symbol, venue FROM trades WHERE message_id = 'md-7'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong("price_units")).isEqualTo(seventh.getPrice());
        assertThat(rs.getDouble("price")).isEqualTo(FixedPoint.toDouble(seventh.getPrice(), 2));
        assertThat(rs.getLong("size_units")).isEqualTo(seventh.getSize());
        assertThat(rs.getLong("event_time_us")).isEqualTo(seventh.getMeta().getEventTimeUs());
        assertThat(rs.getString("trace_id")).isEqualTo("t-7");
        assertThat(rs.getString("symbol")).isEqualTo("BTC/USD");
        assertThat(rs.getString("venue")).isEqualTo(seventh.getInstrument().getVenue());
      }
      try (ResultSet rs = st.executeQuery("SELECT isnan(rsi) AS warming, trades_seen FROM features WHERE message_id = 'md-1'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean("warming")).isTrue();
        assertThat(rs.getLong("trades_seen")).isEqualTo(1);
      }
      try (ResultSet rs = st.executeQuery("SELECT sum(fee_micros), sum(fee) FROM executions")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(40 * 2_512L);
        assertThat(rs.getDouble(2)).isCloseTo(40 * 0.002512, org.assertj.core.data.Offset.offset(1e-9));
      }
      try (ResultSet rs = st.executeQuery("SELECT open, high, low, close, trade_count FROM candles ORDER BY seq LIMIT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getDouble("high")).isGreaterThanOrEqualTo(rs.getDouble("low"));
        assertThat(rs.getInt("trade_count")).isPositive();
      }
    }
  }

  @Test
  void aFileWrittenByAnOlderSchemaIsWidenedAndStillAppendedTo(Vertx vertx) throws Exception {
    Path file = dir.resolve(WarehouseConfig.DEFAULT_DUCKDB_FILE);
    try (Connection sql = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = sql.createStatement()) {
      st.execute("CREATE TABLE trades (price DOUBLE, message_id VARCHAR, legacy_note VARCHAR)");
      st.execute("INSERT INTO trades (price, message_id, legacy_note) VALUES (1.5, 'old-1', 'from v0')");
    }
    List<Trade> trades = WarehouseFixtures.trades(5);
    JsonObject stats = await(WarehouseRun.record(vertx, config(dir, 100), trades.stream()
        .map(t -> java.util.Map.entry(dev.tradingsystem.shared.Addresses.MARKET_TRADES, (Object) t)).toList()));
    assertThat(stats.getJsonObject("appended").getLong("trades")).isEqualTo(5);
    try (Connection sql = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = sql.createStatement()) {
      assertThat(count(st, "SELECT count(*) FROM trades")).isEqualTo(6);
      assertThat(count(st, "SELECT count(*) FROM trades WHERE legacy_note IS NULL AND trace_id LIKE 't-%'")).isEqualTo(5);
      assertThat(count(st, "SELECT price_units FROM trades WHERE message_id = 'md-5'")).isEqualTo(trades.get(4).getPrice());
    }
  }

  @Test
  void aFullBatchIsAppendedWithoutWaitingForTheFlushInterval(Vertx vertx) throws Exception {
    List<Trade> trades = WarehouseFixtures.trades(30);
    JsonObject config = config(dir, 10);
    JsonObject stats = await(WarehouseRun.during(vertx, config, writer -> {
      trades.forEach(t -> vertx.eventBus().publish(dev.tradingsystem.shared.Addresses.MARKET_TRADES, t));
      return WarehouseRun.received(vertx, writer, 30).compose(v -> appendedAtLeast(vertx, writer, 30));
    }));
    assertThat(stats.getJsonObject("appended").getLong("trades")).isEqualTo(30);
    assertThat(stats.getLong("pending")).isZero();
  }

  @Test
  void messagesOfAnotherTypeAreRejectedAndTheWriterKeepsGoing(Vertx vertx) throws Exception {
    List<Trade> trades = WarehouseFixtures.trades(3);
    List<DeadLetter> deadLetters = new java.util.concurrent.CopyOnWriteArrayList<>();
    vertx.eventBus().<DeadLetter>consumer(dev.tradingsystem.shared.Addresses.DEAD_LETTER, m -> deadLetters.add(m.body()));
    JsonObject stats = await(WarehouseRun.record(vertx, config(dir, 100), List.of(
        java.util.Map.entry(dev.tradingsystem.shared.Addresses.MARKET_TRADES, (Object) "not a trade"),
        java.util.Map.entry(dev.tradingsystem.shared.Addresses.MARKET_TRADES, trades.get(0)),
        java.util.Map.entry(dev.tradingsystem.shared.Addresses.EXECUTIONS, (Object) new JsonObject().put("fill", 1)),
        java.util.Map.entry(dev.tradingsystem.shared.Addresses.MARKET_TRADES, trades.get(1)))));
    assertThat(stats.getLong("rejected")).isEqualTo(2);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> deadLetters.size() == 2);
    assertThat(deadLetters).extracting(DeadLetter::getSource, DeadLetter::getReason).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("warehouse:market.trades", "unexpected_type"),
        org.assertj.core.groups.Tuple.tuple("warehouse:executions", "unexpected_type"));
    assertThat(stats.getJsonObject("appended").getLong("trades")).isEqualTo(2);
  }

  @Test
  void openingAnUnwritablePathFailsWithTheFileName(Vertx vertx) throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    DuckDbWarehouse.open(vertx, blocker.resolve("warehouse.duckdb"))
        .onComplete(ar -> failure.complete(ar.cause()));
    assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(WarehouseException.class)
        .hasMessageContaining("not-a-dir");
  }

  @Test
  void backendNoneRecordsNothing(Vertx vertx) throws Exception {
    JsonObject stats = await(WarehouseRun.during(vertx, new JsonObject().put("$env", new JsonObject()),
        writer -> Future.succeededFuture()));
    assertThat(stats.getString("backend")).isEqualTo("none");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  static JsonObject config(Path warehouseDir, int batchSize) {
    return new JsonObject().put("$env", new JsonObject()).put("warehouse", new JsonObject()
        .put("backend", "duckdb")
        .put("dir", warehouseDir.toString())
        .put("batchSize", batchSize)
        .put("flushIntervalMs", 3_600_000));
  }

  /** Completes once the writer has appended {@code rows} rows (full batches only: the interval is an hour). */
  private static Future<Void> appendedAtLeast(Vertx vertx, WarehouseWriter writer, long rows) {
    io.vertx.core.Promise<Void> promise = io.vertx.core.Promise.promise();
    vertx.setPeriodic(0, 5, id -> {
      if (writer.stats().getJsonObject("appended").getLong("trades") >= rows) {
        vertx.cancelTimer(id);
        promise.tryComplete();
      }
    });
    return promise.future();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(45, TimeUnit.SECONDS);
  }

  private static long count(Statement st, String query) throws SQLException {
    try (ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
