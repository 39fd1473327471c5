package dev.tradingsystem.portfolio.attribution;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Side;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each agent voted in one consensus decision, and its share of a trade taken on it.
 *
 * <p>An agent's vote is {@code w × d × s}: its fused weight from {@code signal_weights} (1 for
 * every signal when the consensus carries no weights, 0 for a signal past the end of the list),
 * its direction d (+1 LONG, −1 SHORT, 0 FLAT) and its strength s clamped to [0, 1] (non-finite
 * reads 0). Several signals of one agent add up.
 *
 * <p>Its share of a trade is its vote in the direction of the trade (BUY +1, SELL −1), negatives
 * as zero, normalised so the shares sum to 1: an agent that voted against the trade or stayed
 * flat gets nothing. When nobody voted for the trade's direction (a market maker quoting the
 * other side, a consensus without views) the shares are empty and the P&amp;L stays unattributed.
 */
final class AgentVotes {

  private final String traceId;
  private final Map<String, Double> votes;

  private AgentVotes(String traceId, Map<String, Double> votes) {
    this.traceId = traceId;
    this.votes = Collections.unmodifiableMap(votes);
  }

  static AgentVotes of(Consensus consensus) {
    Map<String, Double> votes = new TreeMap<>();
    boolean weighted = consensus.getSignalWeightsCount() > 0;
    for (int i = 0; i < consensus.getSignalsCount(); i++) {
      AgentSignal signal = consensus.getSignals(i);
      double weight = !weighted ? 1 : i < consensus.getSignalWeightsCount() ? consensus.getSignalWeights(i) : 0;
      double vote = finite(weight) * direction(signal.getDirection()) * unit(signal.getStrength());
      votes.merge(signal.getAgent(), vote, Double::sum);
    }
    return new AgentVotes(consensus.getMeta().getTraceId(), votes);
  }

  /** An entry without a known decision: its P&amp;L stays unattributed. */
  static AgentVotes unknown() {
    return new AgentVotes("", Map.of());
  }

  String traceId() {
    return traceId;
  }

  Map<String, Double> votes() {
    return votes;
  }

  /** Each agent's share of a trade on {@code side}: votes for it, negatives as zero, summing to 1. */
  Map<String, Double> sharesFor(Side side) {
    int sign = side == Side.BUY ? 1 : side == Side.SELL ? -1 : 0;
    Map<String, Double> shares = new TreeMap<>();
    double total = 0;
    for (Map.Entry<String, Double> e : votes.entrySet()) {
      double inFavour = Math.max(0, sign * e.getValue());
      if (inFavour > 0) {
        shares.put(e.getKey(), inFavour);
        total += inFavour;
      }
    }
    if (!(total > 0)) {
      return Map.of();
    }
    double sum = total;
    shares.replaceAll((agent, vote) -> vote / sum);
    return shares;
  }

  private static int direction(Direction direction) {
    return direction == Direction.LONG ? 1 : direction == Direction.SHORT ? -1 : 0;
  }

  private static double unit(double value) {
    return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  }

  private static double finite(double value) {
    return Double.isFinite(value) && value > 0 ? value : 0;
  }
}
