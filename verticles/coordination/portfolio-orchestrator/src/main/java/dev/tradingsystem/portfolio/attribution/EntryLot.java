package dev.tradingsystem.portfolio.attribution;

import java.util.Map;
import java.util.TreeMap;

/**
 * One entry into a position still (partly) open: the decision's trace, its agents' shares, the
 * open quantity and the entry fees not yet released.
 */
final class EntryLot {

  final long sequence;
  String traceId;
  Map<String, Double> shares;
  long openQuantity;
  long feeMicros;

  EntryLot(long sequence, String traceId, Map<String, Double> shares, long openQuantity, long feeMicros) {
    this.sequence = sequence;
    this.traceId = traceId;
    this.shares = Map.copyOf(shares);
    this.openQuantity = openQuantity;
    this.feeMicros = feeMicros;
  }

  /**
   * Folds another lot into this one. Under average cost every exit closes the same fraction of
   * each open lot, so a lot whose shares are the quantity-weighted blend of two lots attributes
   * every future exit exactly as the two would; only the smaller lot's trace id is lost.
   */
  void absorb(EntryLot other) {
    long total = openQuantity + other.openQuantity;
    Map<String, Double> blended = new TreeMap<>();
    if (total > 0) {
      double mine = openQuantity / (double) total;
      shares.forEach((agent, share) -> blended.merge(agent, share * mine, Double::sum));
      other.shares.forEach((agent, share) -> blended.merge(agent, share * (1 - mine), Double::sum));
    }
    if (other.openQuantity > openQuantity) {
      traceId = other.traceId;
    }
    shares = Map.copyOf(blended);
    openQuantity = total;
    feeMicros += other.feeMicros;
  }
}
