package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.shared.runtime.SequenceGate;
import dev.tradingsystem.shared.runtime.TickBarrier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline step 4 for one framework: the consensus and portfolio-state handling both trading
 * frameworks share. For consensus N it validates the input, waits (with a deadline) until a
 * portfolio snapshot of seq ≥ N arrived, lets the {@link TickParticipant} decide on the newest
 * snapshot, sends the intents one by one to the risk gate and then reports the tick done:
 * always, also on no intents, bad input, a portfolio timeout or a failing strategy, because the
 * replay barrier stalls on a tick nobody reports. Ticks run strictly one after another in
 * arrival order.
 *
 * <p>Single-threaded: create and feed it on one context (the owning verticle's start and
 * consumers); every tick runs on that context, also after a deadline fired.
 */
public final class TickPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(TickPipeline.class);

  private final Vertx vertx;
  private final String service;
  private final TickParticipant participant;
  private final long portfolioWaitMillis;
  private final FrameworkStats stats;
  private final InputRejects rejects;
  private final IntentDispatcher dispatcher;
  private final SequenceGate portfolioGate = new SequenceGate();
  private PortfolioState portfolio = PortfolioState.getDefaultInstance();
  private Future<Void> lastTick = Future.succeededFuture();

  /** A pipeline reporting ticks as {@code service}, checking intents with {@code risk}. */
  public TickPipeline(Vertx vertx, String service, FrameworkSetup setup, RiskService risk) {
    this.vertx = vertx;
    this.service = service;
    this.participant = setup.participant();
    this.portfolioWaitMillis = setup.portfolioWaitMillis();
    this.stats = new FrameworkStats(participant.strategyId());
    this.rejects = new InputRejects(vertx, service, stats);
    this.dispatcher = new IntentDispatcher(vertx, risk, setup.riskTimeoutMillis(), stats);
  }

  /** The counters behind the run report and the framework's Prometheus series. */
  public FrameworkStats stats() {
    return stats;
  }

  /** Dead-letters bad input counted with this pipeline's stats (for a framework's extra inputs). */
  public InputRejects rejects() {
    return rejects;
  }

  /** A message from {@code portfolio.state}: keeps the newest snapshot and releases waiting ticks. */
  public void onPortfolio(Object body) {
    if (!(body instanceof PortfolioState state) || !state.hasMeta()) {
      rejects.reject("invalid-portfolio-state", Meta.getDefaultInstance(), body);
      return;
    }
    if (state.getMeta().getSeq() >= portfolio.getMeta().getSeq()) {
      portfolio = state;
    }
    portfolioGate.advance(state.getMeta().getSeq());
  }

  /** A message from {@code consensus}: queued behind the ticks still running. */
  public void onConsensus(Object body) {
    if (!(body instanceof Consensus consensus)) {
      rejects.reject("unexpected-message", Meta.getDefaultInstance(), body);
      return;
    }
    stats.tick();
    lastTick = lastTick.transform(previous -> runTickGuarded(consensus));
  }

  /** The replay stalls on a tick nobody reports done, so even a bug in this class must not skip it. */
  private Future<Void> runTickGuarded(Consensus consensus) {
    try {
      return runTick(consensus);
    } catch (RuntimeException e) {
      stats.error();
      LOG.error("tick seq {} failed before deciding: {}", consensus.getMeta().getSeq(), e.toString(), e);
      TickBarrier.done(vertx, service, consensus.getMeta(), 0);
      return Future.succeededFuture();
    }
  }

  /** One tick; always ends with a TickDone and never fails. */
  private Future<Void> runTick(Consensus consensus) {
    String problem = ConsensusChecks.problem(consensus);
    if (problem == null) {
      problem = participant.inputProblem(consensus);
    }
    if (problem != null) {
      rejects.reject(problem, consensus.getMeta(), consensus);
      TickBarrier.done(vertx, service, consensus.getMeta(), 0);
      return Future.succeededFuture();
    }
    Meta meta = consensus.getMeta();
    participant.observe(consensus);
    return Deadline.within(vertx, portfolioGate.await(meta.getSeq()), portfolioWaitMillis)
        .transform(gate -> {
          if (gate.failed()) {
            stats.portfolioTimeout();
            LOG.warn("no portfolio state for seq {} within {} ms: tick skipped", meta.getSeq(), portfolioWaitMillis);
            return Future.succeededFuture(List.<OrderIntent>of());
          }
          return Future.succeededFuture(decide(consensus));
        })
        .compose(dispatcher::dispatch)
        .transform(sent -> {
          TickBarrier.done(vertx, service, meta, sent.succeeded() ? sent.result() : 0);
          return Future.succeededFuture();
        });
  }

  private List<OrderIntent> decide(Consensus consensus) {
    try {
      return participant.decide(consensus, portfolio);
    } catch (RuntimeException e) {
      stats.error();
      LOG.error("{} failed on seq {}: {}", participant.strategyId(), consensus.getMeta().getSeq(), e.toString(), e);
      return List.of();
    }
  }
}
