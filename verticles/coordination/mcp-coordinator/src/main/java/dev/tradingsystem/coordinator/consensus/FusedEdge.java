package dev.tradingsystem.coordinator.consensus;

import java.util.List;

/**
 * The fused view of a panel: expected edge and variance (bps, bps squared), the score sizing and
 * direction read, the weighted confidence, and each answer's contribution in asking order.
 */
public record FusedEdge(double edgeBps, double varianceBps2, double score, double confidence,
                        List<Contribution> contributions) {

  /** Standard deviation of the edge, bps. */
  public double stdDevBps() {
    return Math.sqrt(varianceBps2);
  }
}
