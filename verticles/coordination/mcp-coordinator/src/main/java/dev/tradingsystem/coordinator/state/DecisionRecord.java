package dev.tradingsystem.coordinator.state;

import dev.tradingsystem.coordinator.consensus.Contribution;
import dev.tradingsystem.coordinator.consensus.MissingAgent;
import dev.tradingsystem.coordinator.consensus.learning.ScoredCall;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Execution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything behind one decision, for {@code explain_decision}: what was published, how each
 * panel answer weighed in, what the shadow agents said, who was missing and why, the weights of
 * the moment, the orders placed on it, their fills and how the calls were judged afterwards.
 * Immutable; the state replaces a record when orders, fills or outcomes arrive.
 *
 * @param traceId       the market event's trace ({@code t-42})
 * @param seq           its seq
 * @param eventTimeUs   its event time
 * @param symbol        instrument symbol
 * @param consensus     the published consensus
 * @param contributions each panel answer's estimate, weight and share of the fused edge
 * @param shadow        each shadow answer's estimate and weight (share 0: not fused)
 * @param missing       panel agents without a fresh answer, with the reason
 * @param shadowMissing shadow agents without a fresh answer, with the reason
 * @param weights       agent weights (short name) the decision used, shadows included
 * @param orderIds      orders placed on this decision
 * @param outcomes      calls judged from its first fill (mark-outs)
 * @param fills         fills of its orders, in arrival order, at most {@link #MAX_FILLS}
 */
public record DecisionRecord(String traceId, long seq, long eventTimeUs, String symbol, Consensus consensus,
                             List<Contribution> contributions, List<Contribution> shadow,
                             List<MissingAgent> missing, List<MissingAgent> shadowMissing,
                             Map<String, Double> weights, List<String> orderIds, List<ScoredCall> outcomes,
                             List<Execution> fills) {

  /** Fills kept per decision: enough to explain it, bounded for a market maker's many partial fills. */
  public static final int MAX_FILLS = 100;

  public DecisionRecord {
    contributions = List.copyOf(contributions);
    shadow = List.copyOf(shadow);
    missing = List.copyOf(missing);
    shadowMissing = List.copyOf(shadowMissing);
    weights = Map.copyOf(weights);
    orderIds = List.copyOf(orderIds);
    outcomes = List.copyOf(outcomes);
    fills = List.copyOf(fills);
  }

  DecisionRecord withOrder(String orderId) {
    List<String> ids = new ArrayList<>(orderIds);
    ids.add(orderId);
    return new DecisionRecord(traceId, seq, eventTimeUs, symbol, consensus, contributions, shadow, missing,
        shadowMissing, weights, ids, outcomes, fills);
  }

  DecisionRecord withOutcome(ScoredCall call) {
    List<ScoredCall> all = new ArrayList<>(outcomes);
    all.add(call);
    return new DecisionRecord(traceId, seq, eventTimeUs, symbol, consensus, contributions, shadow, missing,
        shadowMissing, weights, orderIds, all, fills);
  }

  /** With one more fill; unchanged once {@link #MAX_FILLS} are kept. */
  DecisionRecord withFill(Execution fill) {
    if (fills.size() >= MAX_FILLS) {
      return this;
    }
    List<Execution> all = new ArrayList<>(fills);
    all.add(fill);
    return new DecisionRecord(traceId, seq, eventTimeUs, symbol, consensus, contributions, shadow, missing,
        shadowMissing, weights, orderIds, outcomes, all);
  }
}
