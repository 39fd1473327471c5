package dev.tradingsystem.portfolio.allocation;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the budget policies know about each strategy at a reallocation.
 *
 * @param baseShares configured fixed fraction of equity per strategy (the fallback share)
 * @param defaultBaseShare fallback share of a strategy that is not configured
 * @param annualVolatility annualised volatility of each strategy's returns on its capital; a
 *     strategy is absent while its history is shorter than the minimum
 * @param edges consensus edge of each strategy's symbol; absent while too short
 */
public record RiskInputs(
    Map<String, Double> baseShares,
    double defaultBaseShare,
    Map<String, Double> annualVolatility,
    Map<String, EdgeEstimate> edges) {

  /** Expected edge per trade and its variance, in basis points and basis points squared. */
  public record EdgeEstimate(double edgeBps, double varianceBps2) {
  }

  public RiskInputs {
    baseShares = Map.copyOf(baseShares);
    annualVolatility = Map.copyOf(annualVolatility);
    edges = Map.copyOf(edges);
  }

  public double baseShare(String strategy) {
    return baseShares.getOrDefault(strategy, defaultBaseShare);
  }

  public OptionalDouble volatility(String strategy) {
    Double vol = annualVolatility.get(strategy);
    return vol == null ? OptionalDouble.empty() : OptionalDouble.of(vol);
  }

  public Optional<EdgeEstimate> edge(String strategy) {
    return Optional.ofNullable(edges.get(strategy));
  }
}
