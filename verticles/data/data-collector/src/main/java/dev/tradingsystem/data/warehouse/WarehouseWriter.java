package dev.tradingsystem.data.warehouse;

import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.clock.WallClock;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the pipeline's history in the warehouse: subscribes to trades, candles, tick and candle
 * features, every agent's signals and fills, and appends them in batches (when
 * {@code warehouse.batchSize} rows wait, and at least every {@code warehouse.flushIntervalMs}).
 *
 * <p>Recording never holds up trading: handlers only queue; appends run off the event loop, one
 * flush at a time. A failed append is logged, counted ({@code trading_warehouse_append_failures_total},
 * {@code trading_warehouse_dropped_rows_total{reason=append_failed}}) and its rows dropped; the
 * writer carries on with the next batch. Start it from the owning verticle's {@code start()} and
 * stop it from its {@code stop()}: the handlers run on that verticle's event loop.
 */
public final class WarehouseWriter {

  private static final Logger LOG = LoggerFactory.getLogger(WarehouseWriter.class);

  /** The agents whose {@code signals.<agent>} streams are recorded. */
  public static final List<String> SIGNAL_AGENTS = List.of("deepseek", "qwen", "fingpt", "lagllama");

  /** Every address recorded. */
  public static final List<String> ADDRESSES = Stream.concat(
      Stream.of(Addresses.MARKET_TRADES, Addresses.MARKET_CANDLES, Addresses.FEATURES, Addresses.FEATURES_CANDLE,
          Addresses.EXECUTIONS),
      SIGNAL_AGENTS.stream().map(Addresses::signals)).toList();

  private final Vertx vertx;
  private final Warehouse warehouse;
  private final WarehouseBatcher batcher;
  private final long flushIntervalMs;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private final Map<WarehouseTable, Long> appended = new EnumMap<>(WarehouseTable.class);
  private long timerId = -1;
  private Future<Void> tail = Future.succeededFuture();
  private boolean flushScheduled;
  private long received;
  private long failures;
  private long dropped;
  private long rejected;
  private String lastError = "";

  private WarehouseWriter(Vertx vertx, Warehouse warehouse, WarehouseConfig config) {
    this.vertx = vertx;
    this.warehouse = warehouse;
    this.batcher = warehouse == null ? null : new WarehouseBatcher(config.batchSize(), config.maxPendingRows());
    this.flushIntervalMs = config.flushIntervalMs();
  }

  /**
   * Opens the configured warehouse ({@code warehouse.backend}) and subscribes. With backend
   * {@code none} the writer records nothing and holds no resources. Fails on bad config (naming
   * the key) or when the store cannot be opened.
   */
  public static Future<WarehouseWriter> start(Vertx vertx, ConfigReader cfg) {
    WarehouseConfig config;
    try {
      config = WarehouseConfig.from(cfg);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return switch (config.backend()) {
      case NONE -> Future.succeededFuture(new WarehouseWriter(vertx, null, config));
      case DUCKDB -> DuckDbWarehouse.open(vertx, config.duckDbPath()).compose(w -> start(vertx, w, config));
      case BIGQUERY -> start(vertx, BigQueryWarehouse.create(vertx, config), config);
    };
  }

  /** Subscribes a writer to an already opened warehouse, which the writer closes on {@link #stop()}. */
  public static Future<WarehouseWriter> start(Vertx vertx, Warehouse warehouse, WarehouseConfig config) {
    WarehouseWriter writer = new WarehouseWriter(vertx, warehouse, config);
    return writer.subscribe().map(writer).recover(err -> warehouse.close().transform(ignored -> Future.failedFuture(err)));
  }

  /** Appends everything queued so far; completes when it is written (or its failure counted). */
  public Future<Void> flush() {
    if (warehouse == null) {
      return Future.succeededFuture();
    }
    scheduleFlush();
    return tail;
  }

  /** Unsubscribes, appends what is queued and closes the warehouse. */
  public Future<Void> stop() {
    if (warehouse == null) {
      return Future.succeededFuture();
    }
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    List<Future<Void>> unregistered = consumers.stream().map(MessageConsumer::unregister).toList();
    return Future.join(unregistered).transform(ignored -> flush()).eventually(warehouse::close);
  }

  /**
   * Backend, messages received, rows appended per table, rows waiting, failed appends, dropped and
   * rejected rows, last error. Call it on the writer's event loop (e.g. from ServiceStats).
   */
  public JsonObject stats() {
    JsonObject perTable = new JsonObject();
    for (WarehouseTable table : WarehouseTable.values()) {
      perTable.put(table.tableName(), appended.getOrDefault(table, 0L));
    }
    return new JsonObject()
        .put("backend", warehouse == null ? "none" : warehouse.backend())
        .put("received", received)
        .put("appended", perTable)
        .put("pending", batcher == null ? 0 : batcher.size())
        .put("failures", failures)
        .put("dropped", dropped)
        .put("rejected", rejected)
        .put("lastError", lastError);
  }

  /** True when a warehouse is configured and recording. */
  public boolean enabled() {
    return warehouse != null;
  }

  private Future<Void> subscribe() {
    List<Future<Void>> ready = new ArrayList<>();
    for (String address : ADDRESSES) {
      MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, message -> record(address, message));
      consumers.add(consumer);
      ready.add(consumer.completion());
    }
    timerId = vertx.setPeriodic(flushIntervalMs, id -> {
      if (batcher.size() > 0) {
        scheduleFlush();
      }
    });
    return Future.all(ready).mapEmpty();
  }

  private void record(String address, Message<Object> message) {
    received++;
    WarehouseRow row;
    try {
      row = WarehouseSchema.rowOf(message.body());
    } catch (RuntimeException e) {
      reject(address, "unmappable", e.toString());
      return;
    }
    if (row == null) {
      reject(address, "unexpected_type", message.body() == null ? "null body" : message.body().getClass().getName());
      return;
    }
    if (!batcher.add(row)) {
      drop(1, "backpressure");
      return;
    }
    if (batcher.batchReady()) {
      scheduleFlush();
    }
  }

  /** Chains one drain-and-append after the current one, unless one is already waiting to start. */
  private void scheduleFlush() {
    if (flushScheduled) {
      return;
    }
    flushScheduled = true;
    tail = tail.transform(ignored -> {
      flushScheduled = false;
      Future<Void> chain = Future.succeededFuture();
      for (WarehouseBatcher.Batch batch : batcher.drain()) {
        chain = chain.transform(previous -> appendBatch(batch));
      }
      return chain;
    });
  }

  private Future<Void> appendBatch(WarehouseBatcher.Batch batch) {
    String table = batch.table().tableName();
    return warehouse.append(batch.table(), batch.rows()).transform(ar -> {
      if (ar.succeeded()) {
        appended.merge(batch.table(), (long) batch.rows().size(), Long::sum);
        TradingMetrics.counter("trading_warehouse_rows", "Rows appended to the warehouse, by table",
            "backend", warehouse.backend(), "table", table).increment(batch.rows().size());
      } else {
        failures++;
        lastError = String.valueOf(ar.cause().getMessage());
        TradingMetrics.counter("trading_warehouse_append_failures", "Warehouse appends that failed, by table",
            "backend", warehouse.backend(), "table", table).increment();
        drop(batch.rows().size(), "append_failed");
        LOG.warn("Warehouse append of {} {} rows failed ({} failures so far): {}", batch.rows().size(), table, failures,
            lastError);
      }
      return Future.succeededFuture();
    });
  }

  private void drop(int rows, String reason) {
    dropped += rows;
    TradingMetrics.counter("trading_warehouse_dropped_rows", "Rows the warehouse writer could not record, by reason",
        "reason", reason).increment(rows);
  }

  /** A message the warehouse cannot store: counted and dead-lettered, like any boundary rejection. */
  private void reject(String address, String reason, String detail) {
    rejected++;
    TradingMetrics.rejected("warehouse", address, reason).increment();
    LOG.warn("Warehouse writer rejected a message on {}: {} ({})", address, reason, detail);
    String id = "warehouse-dl-" + rejected;
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(Meta.newBuilder().setId(id).setTraceId(id).setIngestTimeUs(WallClock.micros()))
        .setSource("warehouse:" + address)
        .setReason(reason)
        .setPayload(detail)
        .build());
  }
}
