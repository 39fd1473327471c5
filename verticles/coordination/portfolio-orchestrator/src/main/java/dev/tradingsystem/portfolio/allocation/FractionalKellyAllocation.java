package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.portfolio.allocation.RiskInputs.EdgeEstimate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fractional Kelly on the consensus edge: with μ the expected return per trade and σ² its
 * variance, the growth-optimal exposure is f* = μ / σ² of equity; a strategy gets
 * {@code fraction × f*}, clipped to [0, maxShare]. The edge comes in basis points and the variance
 * in basis points squared, so f* = (edge / 10⁴) / (variance / 10⁸) = edge × 10⁴ / variance:
 * an edge of 1 bp with σ = 100 bps (variance 10⁴) gives f* = 1 and a quarter Kelly of 0.25. f* is
 * exposure as a multiple of equity and does not depend on the horizon (edge and variance both
 * grow with it); a typical short-horizon consensus (20 bps with σ = 50 bps: f* = 80) therefore
 * hits {@code maxShare} whenever its edge is positive, and Kelly mostly separates symbols with an
 * edge from those without one.
 *
 * <p>Full Kelly is the ceiling of sensible sizing: with an estimated edge it overbets whenever the
 * estimate is high, and its drawdowns are deep; a quarter keeps about half the growth with a
 * fraction of the variance. A zero or negative edge gets nothing. A strategy without an edge
 * estimate, or whose variance is not a positive number (the coordinator publishes zero exactly
 * when no agent was informative), keeps its base share.
 */
public final class FractionalKellyAllocation implements BudgetPolicy {

  /** Quarter Kelly. */
  public static final double DEFAULT_FRACTION = 0.25;
  private static final double BPS = 10_000;

  private final double fraction;
  private final double maxShare;

  public FractionalKellyAllocation(double fraction, double maxShare) {
    if (!(fraction > 0) || fraction > 1) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    this.fraction = fraction;
    this.maxShare = maxShare;
  }

  @Override
  public String name() {
    return "kelly";
  }

  /** The full Kelly fraction f* = μ/σ² for an edge in bps and its variance in bps²; 0 for no edge. */
  public static double kelly(double edgeBps, double varianceBps2) {
    if (!(edgeBps > 0) || !Double.isFinite(edgeBps)) {
      return 0;
    }
    return edgeBps * BPS / varianceBps2;
  }

  @Override
  public Map<String, Double> shares(List<String> strategies, RiskInputs inputs) {
    Map<String, Double> shares = new TreeMap<>();
    for (String strategy : strategies) {
      Optional<EdgeEstimate> edge = inputs.edge(strategy);
      if (edge.isEmpty() || !(edge.get().varianceBps2() > 0) || !Double.isFinite(edge.get().varianceBps2())) {
        shares.put(strategy, inputs.baseShare(strategy));
      } else {
        double kelly = kelly(edge.get().edgeBps(), edge.get().varianceBps2());
        shares.put(strategy, Math.max(0, Math.min(maxShare, fraction * kelly)));
      }
    }
    return shares;
  }
}
