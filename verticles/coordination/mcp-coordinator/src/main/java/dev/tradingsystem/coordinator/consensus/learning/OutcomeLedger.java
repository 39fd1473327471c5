package dev.tradingsystem.coordinator.consensus.learning;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credits fills back to the agents' calls that caused them, and judges those calls by the
 * market's move after the fill (its mark-out).
 *
 * <p>The chain: a decision's calls are remembered under its trace id; an order placed on that
 * decision carries the same trace id (its meta derives from the intent, which derives from the
 * consensus); a fill names its order. The <b>first</b> fill of a decision starts one mark-out per
 * call: at the first market price for the symbol at or after {@code fill time + the call's
 * horizon}, the call with lean {@code d} (+1 up, -1 down) scores
 * {@code d x (price / fillPrice - 1) x 10^4} bps: a HIT at or above {@code minMoveBps}, a MISS at
 * or below {@code -minMoveBps}, NEUTRAL in between. The fill's side does not enter: a buy and a
 * sell of the same decision ask the same question (did the price move the way the agent said),
 * and later fills of a decision add no second vote, so one decision counts once however many
 * fills and frameworks it produced. Fills therefore choose which calls are judged (those the
 * system acted on) and fix the entry price, adverse selection included.
 *
 * <p>Determinism: fills are queued as they arrive and released only by a market event with a
 * higher seq ({@link #onMarket}), so in a replay (where a fill of trade N always arrives before
 * the market event N+1) the weights after each event are the same on every run and in every
 * deployment. Time is event time only.
 *
 * <p>Memory is bounded by {@link LearningParams#maxDecisions()}: older decisions, orders and
 * mark-outs are forgotten first and counted.
 */
public final class OutcomeLedger {

  private static final double BPS = 10_000;

  private final LearningParams params;
  private final Map<String, DecisionCalls> decisions;
  private final Map<String, String> orderTraces;
  private final Map<String, Boolean> credited;
  private final ArrayDeque<FillReport> queuedFills = new ArrayDeque<>();
  private final ArrayDeque<Markout> markouts = new ArrayDeque<>();
  private final int maxQueued;
  private long attributedFills;
  private long repeatFills;
  private long unattributedFills;
  private long droppedFills;
  private long droppedMarkouts;

  private record Markout(String traceId, String symbol, AgentCall call, String orderId, double fillPrice, long dueUs) {
  }

  /** Counters for stats and metrics. */
  public record Counts(long attributedFills, long repeatFills, long unattributedFills, long queuedFills,
                       long pendingMarkouts, long droppedFills, long droppedMarkouts) {
  }

  public OutcomeLedger(LearningParams params) {
    this.params = params;
    int max = params.maxDecisions();
    this.decisions = bounded(max);
    this.orderTraces = bounded(max * 2);
    this.credited = bounded(max);
    this.maxQueued = max * 4;
  }

  /** Remembers a decision's calls until its first fill (or until it is the oldest of too many). */
  public void decided(DecisionCalls calls) {
    decisions.put(calls.traceId(), calls);
  }

  /** An order was placed on the decision with this trace; later updates of the order are ignored. */
  public void orderPlaced(String orderId, String traceId) {
    orderTraces.putIfAbsent(orderId, traceId);
  }

  /** Queues a fill; it is credited at the next market event with a higher seq. */
  public void filled(FillReport fill) {
    if (queuedFills.size() >= maxQueued) {
      queuedFills.removeFirst();
      droppedFills++;
    }
    queuedFills.addLast(fill);
  }

  /**
   * A market event: credits the fills of earlier events, then judges the mark-outs of this
   * symbol that are due by {@code eventTimeUs} at {@code price}.
   *
   * @return the calls judged now, in the order their fills were credited
   */
  public List<ScoredCall> onMarket(String symbol, long seq, long eventTimeUs, double price) {
    release(seq);
    List<ScoredCall> scored = new ArrayList<>();
    if (!(price > 0) || !Double.isFinite(price)) {
      return scored;
    }
    for (Iterator<Markout> it = markouts.iterator(); it.hasNext(); ) {
      Markout markout = it.next();
      if (markout.symbol().equals(symbol) && markout.dueUs() <= eventTimeUs) {
        it.remove();
        double move = (price / markout.fillPrice() - 1) * BPS;
        scored.add(new ScoredCall(markout.traceId(), markout.call().agent(), markout.call().sign(),
            judge(markout.call().sign() * move), move, markout.orderId(), eventTimeUs));
      }
    }
    return scored;
  }

  public Counts counts() {
    return new Counts(attributedFills, repeatFills, unattributedFills, queuedFills.size(), markouts.size(),
        droppedFills, droppedMarkouts);
  }

  private Outcome judge(double signedMoveBps) {
    if (signedMoveBps > 0 && signedMoveBps >= params.minMoveBps()) {
      return Outcome.HIT;
    }
    if (signedMoveBps < 0 && -signedMoveBps >= params.minMoveBps()) {
      return Outcome.MISS;
    }
    return Outcome.NEUTRAL;
  }

  private void release(long seq) {
    int n = queuedFills.size();
    for (int i = 0; i < n; i++) {
      FillReport fill = queuedFills.removeFirst();
      if (seq <= 0 || fill.seq() <= 0 || fill.seq() < seq) {
        attribute(fill);
      } else {
        queuedFills.addLast(fill);
      }
    }
  }

  private void attribute(FillReport fill) {
    String traceId = orderTraces.get(fill.orderId());
    if (traceId != null && credited.containsKey(traceId)) {
      repeatFills++;
      return;
    }
    DecisionCalls decision = traceId == null ? null : decisions.remove(traceId);
    if (decision == null || !(fill.price() > 0) || !Double.isFinite(fill.price())) {
      unattributedFills++;
      return;
    }
    credited.put(traceId, Boolean.TRUE);
    attributedFills++;
    for (AgentCall call : decision.calls()) {
      if (markouts.size() >= maxQueued) {
        markouts.removeFirst();
        droppedMarkouts++;
      }
      markouts.addLast(new Markout(traceId, fill.symbol(), call, fill.orderId(), fill.price(),
          fill.eventTimeUs() + call.horizonMs() * 1_000));
    }
  }

  private static <K, V> Map<K, V> bounded(int max) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }
}
