package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.journal.JournalConfig;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.journal.JournalScan;
import dev.tradingsystem.portfolio.journal.JournalStats;
import dev.tradingsystem.portfolio.journal.OrderJournal;
import dev.tradingsystem.proto.PortfolioState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The verticle's side of the journal: appends the engine's records and tells, on the verticle's
 * context, when what they describe may be acknowledged. Everything the portfolio publishes or
 * answers goes through {@link #afterDurable}, so acknowledgements keep the engine's order: a
 * future completes only after every earlier append completed (the journal completes appends in
 * order and each completion hops onto the context in that order).
 *
 * <p>Without a journal every future is already complete: the backtest path is unchanged.
 */
final class JournalGate {

  private final Context context;
  private final OrderJournal journal;
  private final JournalConfig config;
  private Future<Void> tail = Future.succeededFuture();
  private int inFlight;
  private volatile Throwable failure;
  private volatile JsonObject recovered = new JsonObject();

  /** @param journal null when the journal is off */
  JournalGate(Context context, OrderJournal journal, JournalConfig config) {
    this.context = context;
    this.journal = journal;
    this.config = config;
  }

  boolean enabled() {
    return journal != null;
  }

  /** Why the journal stopped taking records, or null while it works. */
  Throwable failure() {
    return failure;
  }

  /**
   * Appends {@code records} and completes when what they describe may be acknowledged: once the
   * records that must be durable are, and every earlier append completed. A tick that changed
   * nothing is written without waiting when nothing is in flight. With no records, completes
   * when everything appended before has.
   */
  Future<Void> afterDurable(List<JournalRecord> records) {
    if (journal == null) {
      return Future.succeededFuture();
    }
    if (records.isEmpty()) {
      return inFlight == 0 ? Future.succeededFuture() : tail;
    }
    boolean mustWait = inFlight > 0 || records.stream().anyMatch(JournalRecord::mustBeDurable);
    Promise<Void> durable = Promise.promise();
    inFlight++;
    journal.append(records).whenComplete((ok, error) -> context.runOnContext(v -> {
      inFlight--;
      if (error != null) {
        failure = error;
        durable.fail(error);
      } else {
        durable.complete();
      }
    }));
    tail = durable.future();
    return mustWait ? tail : Future.succeededFuture();
  }

  /** Remembers what recovery rebuilt, for {@code /api/status} and the run report. */
  void recovered(JournalScan scan, Reconciliation reconciliation, PortfolioState state) {
    JsonArray positions = new JsonArray();
    state.getPositionsList().forEach(p -> positions.add(new JsonObject()
        .put("strategyId", p.getStrategyId())
        .put("symbol", p.getInstrument().getSymbol())
        .put("quantity", p.getQuantity())
        .put("realizedPnlMicros", p.getRealizedPnlMicros())
        .put("feesMicros", p.getFeesMicros())));
    recovered = new JsonObject()
        .put("records", scan.records().size())
        .put("droppedTailRecords", scan.droppedTailRecords())
        .put("droppedTailBytes", scan.droppedTailBytes())
        .put("lastSeq", reconciliation.lastSeq())
        .put("fills", state.getFills())
        .put("orders", state.getOrders())
        .put("openOrders", state.getOpenOrdersCount())
        .put("cashMicros", state.getCashMicros())
        .put("realizedPnlMicros", state.getRealizedPnlMicros())
        .put("feesMicros", state.getFeesMicros())
        .put("positions", positions)
        .put("resubmitted", reconciliation.resubmitted().size())
        .put("lost", reconciliation.lost().size())
        .put("unknownToJournal", new JsonArray(reconciliation.unknownToJournal()));
  }

  /** The {@code journal} section of the stats. */
  JsonObject status(PortfolioEngine engine) {
    if (journal == null) {
      return new JsonObject().put("backend", "none").put("dir", "");
    }
    JournalStats stats = journal.stats();
    return new JsonObject()
        .put("backend", config.backend().name().toLowerCase(java.util.Locale.ROOT))
        .put("dir", config.dir().map(Object::toString).orElse(""))
        .put("topic", config.backend() == JournalConfig.Backend.KAFKA ? config.kafkaTopic() : "")
        .put("fsync", config.fsync().name().toLowerCase(java.util.Locale.ROOT))
        .put("records", stats.records())
        .put("commits", stats.commits())
        .put("forces", stats.forces())
        .put("bytes", stats.bytes())
        .put("largestCommit", stats.largestCommit())
        .put("commitLatencyUs", new JsonObject().put("p50", stats.commitP50Micros())
            .put("p99", stats.commitP99Micros()).put("max", stats.commitMaxMicros()))
        .put("failed", failure == null ? "" : String.valueOf(failure.getMessage()))
        .put("alreadyAppliedTrades", engine.alreadyAppliedTrades())
        .put("idempotentReplies", engine.idempotentReplies())
        .put("recovered", recovered);
  }
}
