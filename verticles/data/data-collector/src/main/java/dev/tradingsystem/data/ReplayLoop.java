package dev.tradingsystem.data;

import dev.tradingsystem.data.replay.LockstepBarrier;
import dev.tradingsystem.data.replay.ReplayPacer;
import dev.tradingsystem.data.replay.ReplayStats;
import dev.tradingsystem.data.source.MarketDataSource;
import dev.tradingsystem.data.source.SourceBatch;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.clock.WallClock;
import dev.tradingsystem.shared.msg.IdSequence;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a replay event by event on the verticle's context. Batches are pulled from the
 * {@link MarketDataSource} in ordered worker tasks, a batch ahead of publishing; the
 * {@link ReplayPublisher} numbers and publishes each event. Only trades are ticks that the tick
 * participants answer, so only they wait on the lockstep barrier; quotes, books and candles are
 * numbered and published in order between them without waiting.
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
  /** Barrier timeouts logged one by one before switching to every thousandth, so a dead participant cannot flood the log. */
  private static final long TIMEOUTS_LOGGED_IN_FULL = 10;

  private final Context context;
  private final EventBus eventBus;
  private final DataCollectorConfig config;
  private final MarketDataSource source;
  private final ReplayPublisher publisher;
  private final ReplayStats stats;
  private final ReplayPacer pacer;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private final IdSequence progressIds = new IdSequence("rp");
  private final Promise<Void> finished = Promise.promise();
  private LockstepBarrier barrier = new LockstepBarrier(Set.of());
  private Future<SourceBatch> prefetch;
  private boolean endOfData;
  private boolean stopped;
  private long barrierTimer = -1;
  private long pacingTimer = -1;

  ReplayLoop(Context context, DataCollectorConfig config, MarketDataSource source, ReplayStats stats) {
    this.context = context;
    this.eventBus = context.owner().eventBus();
    this.config = config;
    this.source = source;
    this.stats = stats;
    this.publisher = new ReplayPublisher(eventBus, config.features(), source.instrument(), stats);
    this.pacer = new ReplayPacer(config.speed());
  }

  /** The publisher, for stats (books). */
  ReplayPublisher publisher() {
    return publisher;
  }

  /** Starts publishing; the future completes when the replay has ended (or was abandoned). */
  Future<Void> run(Set<String> participants) {
    barrier = new LockstepBarrier(participants);
    LOG.info("replaying {} as {} {} ({} records) at speed {}, lockstep with {}", stats.source(), source.format(),
        source.instrument().getSymbol(), source.totalHint(), config.speed(),
        barrier.active() ? barrier.participants() : "nobody");
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
      if (config.maxTicks() > 0 && stats.events() >= config.maxTicks()) {
        finish();
        return;
      }
      Object event = pending.peek();
      if (event == null) {
        if (endOfData) {
          finish();
        } else {
          refill();
        }
        return;
      }
      long eventTimeUs = ReplayPublisher.eventTimeUs(event);
      long delay = eventTimeUs > 0 ? pacer.delayMillis(eventTimeUs, System.nanoTime()) : 0;
      if (delay > 0) {
        pacingTimer = context.owner().setTimer(delay, id -> {
          pacingTimer = -1;
          pump();
        });
        return;
      }
      pending.poll();
      ReplayPublisher.Outcome outcome = publisher.publish(event, seq -> {
        if (barrier.active()) {
          barrier.expect(seq);
        }
      });
      if (outcome != ReplayPublisher.Outcome.NONE) {
        stats.event();
        if (stats.events() % config.progressEvery() == 0) {
          publishProgress(false);
        }
      }
      if (outcome == ReplayPublisher.Outcome.TICK && barrier.active()) {
        armBarrierTimeout(stats.lastSeq());
        return;
      }
      if (++sinceYield >= YIELD_EVERY) {
        context.runOnContext(v -> pump());
        return;
      }
    }
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

  /** Takes the prefetched batch (or reads one) and reads the next ahead while it is published. */
  private void refill() {
    Future<SourceBatch> next = prefetch != null ? prefetch : read();
    prefetch = null;
    next.onComplete(result -> context.runOnContext(v -> {
      if (stopped || stats.isCompleted()) {
        return;
      }
      if (result.failed()) {
        abort("reading " + stats.source() + " failed: " + result.cause().getMessage());
        return;
      }
      pending.addAll(result.result().events());
      endOfData = !result.result().more();
      if (!endOfData) {
        prefetch = read();
      }
      pump();
    }));
  }

  private Future<SourceBatch> read() {
    return context.executeBlocking(() -> SourceBatch.pull(source, config.batchSize()));
  }

  private void finish() {
    if (stats.isCompleted()) {
      return;
    }
    cancelTimer(barrierTimer);
    cancelTimer(pacingTimer);
    stats.completed();
    publishProgress(true);
    LOG.info("replay of {} completed: {} market events ({} messages), {} rejected {}, {} barrier timeouts",
        stats.source(), stats.events(), stats.ticks(), stats.rejected(), stats.rejectedByReason(),
        stats.barrierTimeouts());
    finished.tryComplete();
  }

  private void publishProgress(boolean completed) {
    long total = config.maxTicks() > 0 ? Math.min(config.maxTicks(), source.totalHint()) : source.totalHint();
    String id = progressIds.next();
    eventBus.publish(Addresses.REPLAY_PROGRESS, ReplayProgress.newBuilder()
        .setMeta(Meta.newBuilder()
            .setId(id)
            .setTraceId(id)
            .setSeq(stats.lastSeq())
            .setEventTimeUs(stats.lastEventTimeUs())
            .setIngestTimeUs(WallClock.micros()))
        .setTicks(stats.events())
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
