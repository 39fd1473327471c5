package dev.tradingsystem.data;

import dev.tradingsystem.data.features.FeatureEngine;
import dev.tradingsystem.data.replay.LockstepBarrier;
import dev.tradingsystem.data.replay.ReplayPacer;
import dev.tradingsystem.data.replay.ReplayStats;
import dev.tradingsystem.data.source.RejectReason;
import dev.tradingsystem.data.source.ReplayBatch;
import dev.tradingsystem.data.source.ReplayReader;
import dev.tradingsystem.data.source.RowOutcome;
import dev.tradingsystem.data.source.RowOutcome.AcceptedTrade;
import dev.tradingsystem.data.source.RowOutcome.RejectedRow;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.WallClock;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.msg.IdSequence;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a replay tick by tick on the verticle's context. Rows are read and validated in
 * ordered worker tasks, a batch ahead of publishing; accepted trades become {@code Trade} +
 * {@code FeatureVector} pairs with {@code md-<seq>} headers, rejected rows dead letters.
 *
 * <p>The loop never recurses: {@link #pump()} publishes until it must wait, then returns, and
 * whatever it waits for continues it from a fresh stack: the last TickDone of the tick (lockstep),
 * the barrier timer, the pacing timer, a finished read, or a {@code runOnContext} that yields the
 * event loop every {@value #YIELD_EVERY} ticks when nothing else makes it wait.
 */
final class ReplayLoop {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayLoop.class);
  /** Ticks between yields when unpaced: long enough to amortise the hop, short enough to keep the loop fair. */
  static final int YIELD_EVERY = 256;
  /** Metric label and dead-letter source of rows refused here. */
  static final String METRIC_SOURCE = "replay";
  static final String DEAD_LETTER_SOURCE = ServiceNames.DATA_COLLECTOR + "/" + METRIC_SOURCE;
  /** Barrier timeouts logged one by one before switching to every thousandth, so a dead participant cannot flood the log. */
  private static final long TIMEOUTS_LOGGED_IN_FULL = 10;

  private final Context context;
  private final EventBus eventBus;
  private final DataCollectorConfig config;
  private final ReplayReader reader;
  private final FeatureEngine features;
  private final ReplayStats stats;
  private final ReplayPacer pacer;
  private final ArrayDeque<RowOutcome> pending = new ArrayDeque<>();
  private final Map<RejectReason, Counter> rejectCounters = new EnumMap<>(RejectReason.class);
  private final IdSequence deadLetterIds = new IdSequence("dl-data");
  private final IdSequence progressIds = new IdSequence("rp");
  private final Promise<Void> finished = Promise.promise();
  private LockstepBarrier barrier = new LockstepBarrier(Set.of());
  private Future<ReplayBatch> prefetch;
  private boolean endOfData;
  private boolean stopped;
  private long barrierTimer = -1;
  private long pacingTimer = -1;

  ReplayLoop(Context context, DataCollectorConfig config, ReplayReader reader, ReplayStats stats) {
    this.context = context;
    this.eventBus = context.owner().eventBus();
    this.config = config;
    this.reader = reader;
    this.stats = stats;
    this.features = new FeatureEngine(config.features(), config.instrument());
    this.pacer = new ReplayPacer(config.speed());
  }

  /** Starts publishing; the future completes when the replay has ended (or was abandoned). */
  Future<Void> run(Set<String> participants) {
    barrier = new LockstepBarrier(participants);
    LOG.info("replaying {} ({} rows) at speed {}, lockstep with {}", stats.source(), reader.totalRows(),
        config.speed(), barrier.active() ? barrier.participants() : "nobody");
    pump();
    return finished.future();
  }

  /** Participants currently on the barrier (empty when not in lockstep). */
  Set<String> participants() {
    return barrier.participants();
  }

  /** A participant finished a tick; the last one owed releases the next tick. */
  void onTickDone(TickDone done) {
    if (barrier.done(done.getParticipant(), done.getSeq())) {
      cancelTimer(barrierTimer);
      barrierTimer = -1;
      pump();
    }
  }

  /** Ends the replay without publishing anything more, reporting why. */
  void abort(String reason) {
    LOG.error("replay of {} abandoned: {}", stats.source(), reason);
    stats.failed(reason);
    finish();
  }

  /** Stops at once (undeploy): no further messages, no completion published. */
  void stop() {
    stopped = true;
    cancelTimer(barrierTimer);
    cancelTimer(pacingTimer);
  }

  private void pump() {
    int sinceYield = 0;
    while (!stopped && !stats.isCompleted()) {
      if (config.maxTicks() > 0 && stats.ticks() >= config.maxTicks()) {
        finish();
        return;
      }
      RowOutcome row = pending.peek();
      if (row == null) {
        if (endOfData) {
          finish();
        } else {
          refill();
        }
        return;
      }
      if (row instanceof RejectedRow rejected) {
        pending.poll();
        reject(rejected);
        continue;
      }
      AcceptedTrade trade = (AcceptedTrade) row;
      long delay = pacer.delayMillis(trade.eventTimeUs(), System.nanoTime());
      if (delay > 0) {
        pacingTimer = context.owner().setTimer(delay, id -> {
          pacingTimer = -1;
          pump();
        });
        return;
      }
      pending.poll();
      long seq = publish(trade);
      if (barrier.active()) {
        armBarrierTimeout(seq);
        return;
      }
      if (++sinceYield >= YIELD_EVERY) {
        context.runOnContext(v -> pump());
        return;
      }
    }
  }

  private long publish(AcceptedTrade trade) {
    long seq = stats.nextTick(trade.eventTimeUs());
    Meta meta = Meta.newBuilder()
        .setId("md-" + seq)
        .setSeq(seq)
        .setTraceId("t-" + seq)
        .setEventTimeUs(trade.eventTimeUs())
        .setIngestTimeUs(WallClock.micros())
        .build();
    Trade message = Trade.newBuilder()
        .setMeta(meta)
        .setInstrument(config.instrument())
        .setPrice(trade.price())
        .setSize(trade.size())
        .setAggressor(trade.aggressor())
        .setTradeId(trade.tradeId())
        .build();
    FeatureVector vector = features.onTrade(meta, trade.eventTimeUs(), trade.price(), trade.size(), trade.aggressor());
    if (barrier.active()) {
      barrier.expect(seq);
    }
    eventBus.publish(Addresses.MARKET_TRADES, message);
    eventBus.publish(Addresses.FEATURES, vector);
    if (seq % config.progressEvery() == 0) {
      publishProgress(false);
    }
    return seq;
  }

  private void armBarrierTimeout(long seq) {
    barrierTimer = context.owner().setTimer(config.barrierTimeoutMs(), id -> {
      barrierTimer = -1;
      if (!barrier.waitingFor(seq)) {
        return;
      }
      List<String> missing = barrier.abandon();
      stats.barrierTimeout();
      long timeouts = stats.barrierTimeouts();
      if (timeouts <= TIMEOUTS_LOGGED_IN_FULL || timeouts % 1000 == 0) {
        LOG.warn("tick {}: no TickDone from {} within {} ms, moving on ({} barrier timeouts so far)",
            seq, missing, config.barrierTimeoutMs(), timeouts);
      }
      pump();
    });
  }

  private void reject(RejectedRow row) {
    stats.rejected(row.reason());
    rejectCounters.computeIfAbsent(row.reason(),
        reason -> TradingMetrics.rejected("data", METRIC_SOURCE, reason.code())).increment();
    LOG.debug("{} line {} rejected ({}): {}", stats.source(), row.line(), row.reason().code(), row.detail());
    String id = deadLetterIds.next();
    eventBus.publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(Meta.newBuilder()
            .setId(id)
            .setTraceId(id)
            .setSeq(stats.lastSeq())
            .setEventTimeUs(stats.lastEventTimeUs())
            .setIngestTimeUs(WallClock.micros()))
        .setSource(DEAD_LETTER_SOURCE)
        .setReason(row.reason().code())
        .setPayload("line " + row.line() + ": " + row.raw() + " | " + row.detail())
        .build());
  }

  /** Takes the prefetched batch (or reads one) and reads the next ahead while it is published. */
  private void refill() {
    Future<ReplayBatch> next = prefetch != null ? prefetch : read();
    prefetch = null;
    next.onComplete(result -> context.runOnContext(v -> {
      if (stopped || stats.isCompleted()) {
        return;
      }
      if (result.failed()) {
        abort("reading " + stats.source() + " failed: " + result.cause().getMessage());
        return;
      }
      pending.addAll(result.result().rows());
      endOfData = result.result().endOfData();
      if (!endOfData) {
        prefetch = read();
      }
      pump();
    }));
  }

  private Future<ReplayBatch> read() {
    return context.executeBlocking(() -> reader.read(config.batchSize()));
  }

  private void finish() {
    if (stats.isCompleted()) {
      return;
    }
    cancelTimer(barrierTimer);
    cancelTimer(pacingTimer);
    stats.completed();
    publishProgress(true);
    LOG.info("replay of {} completed: {} ticks, {} rejected {}, {} barrier timeouts", stats.source(),
        stats.ticks(), stats.rejected(), stats.rejectedByReason(), stats.barrierTimeouts());
    finished.tryComplete();
  }

  private void publishProgress(boolean completed) {
    long total = config.maxTicks() > 0 ? Math.min(config.maxTicks(), reader.totalRows()) : reader.totalRows();
    String id = progressIds.next();
    eventBus.publish(Addresses.REPLAY_PROGRESS, ReplayProgress.newBuilder()
        .setMeta(Meta.newBuilder()
            .setId(id)
            .setTraceId(id)
            .setSeq(stats.lastSeq())
            .setEventTimeUs(stats.lastEventTimeUs())
            .setIngestTimeUs(WallClock.micros()))
        .setTicks(stats.ticks())
        .setRejected(stats.rejected())
        .setTotalHint(total)
        .setCompleted(completed)
        .setSource(stats.source())
        .setBarrierTimeouts(stats.barrierTimeouts())
        .build());
  }

  private void cancelTimer(long id) {
    if (id >= 0) {
      context.owner().cancelTimer(id);
    }
  }
}
