package dev.tradingsystem.data.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The BigQuery warehouse through Google's client against a loopback server that speaks the
 * streaming-insert REST protocol ({@code POST /bigquery/v2/projects/{p}/datasets/{d}/tables/{t}/insertAll}).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BigQueryWarehouseTest {

  private static final Pattern INSERT_ALL = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/insertAll");

  /** One insertAll call as the loopback server saw it. */
  record Insert(String project, String dataset, String table, JsonObject body) {
  }

  private final List<Insert> inserts = new CopyOnWriteArrayList<>();
  private final List<String> otherRequests = new CopyOnWriteArrayList<>();
  /** Table name to the failure the server answers for it: "http" (HTTP 500) or "rows" (row refused). */
  private final Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
  private HttpServer server;

  @BeforeEach
  void startLoopbackBigQuery(Vertx vertx) throws Exception {
    ProtobufCodecs.registerAll(vertx);
    // Google's client gzips request bodies, as BigQuery accepts.
    server = DuckDbWarehouseTest.await(vertx.createHttpServer(new HttpServerOptions().setDecompressionSupported(true))
        .requestHandler(this::serve).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    DuckDbWarehouseTest.await(server.close());
  }

  private void serve(HttpServerRequest request) {
    Matcher m = INSERT_ALL.matcher(request.path());
    if (!"POST".equals(request.method().name()) || !m.matches()) {
      otherRequests.add(request.method() + " " + request.uri());
      request.response().setStatusCode(404).end(new JsonObject().put("error", new JsonObject().put("code", 404)
          .put("message", "not found")).encode());
      return;
    }
    request.body().onSuccess(body -> {
      JsonObject json = body.toJsonObject();
      String table = m.group(3);
      inserts.add(new Insert(m.group(1), m.group(2), table, json));
      String failure = failures.get(table);
      request.response().putHeader("content-type", "application/json; charset=UTF-8");
      if ("http".equals(failure)) {
        request.response().setStatusCode(500).end(new JsonObject().put("error", new JsonObject().put("code", 500)
            .put("message", "backend error").put("status", "INTERNAL")
            .put("errors", new JsonArray().add(new JsonObject().put("reason", "backendError").put("message", "backend error"))))
            .encode());
      } else if ("rows".equals(failure)) {
        request.response().end(new JsonObject().put("kind", "bigquery#tableDataInsertAllResponse")
            .put("insertErrors", new JsonArray().add(new JsonObject().put("index", 0).put("errors", new JsonArray()
                .add(new JsonObject().put("reason", "invalid").put("location", "strength").put("message", "no such field"))))).encode());
      } else {
        request.response().end(new JsonObject().put("kind", "bigquery#tableDataInsertAllResponse").encode());
      }
    });
  }

  private JsonObject config(int batchSize) {
    return new JsonObject().put("$env", new JsonObject()).put("warehouse", new JsonObject()
        .put("backend", "bigquery")
        .put("batchSize", batchSize)
        .put("flushIntervalMs", 3_600_000)
        .put("bigquery", new JsonObject()
            .put("project", "research-project")
            .put("dataset", "trading_replay")
            .put("host", "http://127.0.0.1:" + server.actualPort())
            .put("maxAttempts", 1)
            .put("timeoutMs", 10_000)));
  }

  @Test
  void rowsAreStreamedAsInsertAllJsonWithTheirRowIds(Vertx vertx) throws Exception {
    List<Trade> trades = WarehouseFixtures.trades(12);
    JsonObject stats = DuckDbWarehouseTest.await(WarehouseRun.record(vertx, config(500), WarehouseRun.pipelineMessages(trades)));

    assertThat(otherRequests).isEmpty();
    assertThat(stats.getLong("failures")).isZero();
    assertThat(stats.getJsonObject("appended").getLong("trades")).isEqualTo(12);
    assertThat(inserts).extracting(Insert::table)
        .containsExactlyInAnyOrder("trades", "candles", "features", "signals", "executions");
    assertThat(inserts).allSatisfy(i -> {
      assertThat(i.project()).isEqualTo("research-project");
      assertThat(i.dataset()).isEqualTo("trading_replay");
    });

    JsonArray tradeRows = insert("trades").body().getJsonArray("rows");
    assertThat(tradeRows).hasSize(12);
    JsonObject first = tradeRows.getJsonObject(0);
    assertThat(first.getString("insertId")).isEqualTo("md-1");
    JsonObject json = first.getJsonObject("json");
    assertThat(json.fieldNames()).containsExactlyInAnyOrderElementsOf(
        WarehouseTable.TRADES.columns().stream().map(WarehouseColumn::name).toList());
    assertThat(json.getString("message_id")).isEqualTo("md-1");
    assertThat(json.getString("symbol")).isEqualTo("BTC/USD");
    assertThat(json.getLong("seq")).isEqualTo(1L);
    assertThat(json.getLong("price_units")).isEqualTo(trades.get(0).getPrice());
    assertThat(json.getDouble("price")).isEqualTo(trades.get(0).getPrice() / 100.0);
    assertThat(json.getLong("event_time_us")).isEqualTo(trades.get(0).getMeta().getEventTimeUs());

    JsonArray featureRows = insert("features").body().getJsonArray("rows");
    assertThat(featureRows).hasSize(13);
    assertThat(featureRows.getJsonObject(0).getString("insertId")).isEqualTo("md-1:0");
    assertThat(featureRows.getJsonObject(0).getJsonObject("json").getValue("rsi")).as("NaN travels as a string").isEqualTo("NaN");
    assertThat(featureRows.getJsonObject(12).getString("insertId")).isEqualTo("md-12:60");

    JsonObject signal = insert("signals").body().getJsonArray("rows").getJsonObject(0).getJsonObject("json");
    assertThat(signal.getString("agent")).isEqualTo("deepseek");
    assertThat(signal.getBoolean("degraded")).isFalse();
    assertThat(signal.getDouble("confidence")).isEqualTo(0.7);
  }

  @Test
  void refusedInsertsAreCountedAndTheWriterKeepsGoing(Vertx vertx) throws Exception {
    failures.put("signals", "rows");
    failures.put("executions", "http");
    List<Trade> trades = WarehouseFixtures.trades(10);
    double failuresBefore = appendFailures("executions") + appendFailures("signals");

    JsonObject stats = DuckDbWarehouseTest.await(WarehouseRun.during(vertx, config(500), writer -> {
      WarehouseRun.pipelineMessages(trades.subList(0, 5)).forEach(m -> vertx.eventBus().publish(m.getKey(), m.getValue()));
      return WarehouseRun.received(vertx, writer, 22)
          .compose(v -> writer.flush())
          .compose(v -> {
            failures.clear();
            WarehouseRun.pipelineMessages(trades.subList(5, 10)).forEach(m -> vertx.eventBus().publish(m.getKey(), m.getValue()));
            return WarehouseRun.received(vertx, writer, 44);
          })
          .compose(v -> writer.flush());
    }));

    assertThat(stats.getLong("failures")).isEqualTo(2);
    assertThat(stats.getLong("dropped")).isEqualTo(10);
    assertThat(stats.getString("lastError")).containsAnyOf("backend error", "no such field");
    assertThat(stats.getJsonObject("appended").getLong("trades")).isEqualTo(10);
    assertThat(stats.getJsonObject("appended").getLong("signals")).as("after the store recovered").isEqualTo(5);
    assertThat(stats.getJsonObject("appended").getLong("executions")).isEqualTo(5);
    assertThat(appendFailures("executions") + appendFailures("signals")).isEqualTo(failuresBefore + 2);
  }

  @Test
  void aRowRefusalNamesTheRowAndTheReason(Vertx vertx) throws Exception {
    failures.put("signals", "rows");
    WarehouseConfig config = WarehouseConfig.from(dev.tradingsystem.shared.config.ConfigReader.of(config(10)));
    BigQueryWarehouse warehouse = BigQueryWarehouse.create(vertx, config);
    Trade trade = WarehouseFixtures.trades(1).get(0);
    Throwable failure = warehouse.append(WarehouseTable.SIGNALS, List.of(WarehouseSchema.row(WarehouseFixtures.signal("qwen", trade))))
        .transform(ar -> Future.succeededFuture(ar.cause()))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    DuckDbWarehouseTest.await(warehouse.close());
    assertThat(failure).isInstanceOf(WarehouseException.class)
        .hasMessageContaining("1 of 1 signals rows refused").hasMessageContaining("no such field");
  }

  private Insert insert(String table) {
    return inserts.stream().filter(i -> i.table().equals(table)).findFirst().orElseThrow();
  }

  private static double appendFailures(String table) {
    return TradingMetrics.counter("trading_warehouse_append_failures", "Warehouse appends that failed, by table",
        "backend", "bigquery", "table", table).count();
  }
}
