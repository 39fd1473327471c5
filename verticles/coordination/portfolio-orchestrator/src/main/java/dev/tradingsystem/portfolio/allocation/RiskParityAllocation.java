package dev.tradingsystem.portfolio.allocation;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Naive risk parity: the capital the measured strategies are configured to use together (the sum
 * of their base shares) is split in proportion to 1/σ, so each contributes the same stand-alone
 * volatility. Strategies with σ 10% and 20% sharing a pool of 1 get 2/3 and 1/3.
 *
 * <p>This is inverse-volatility weighting, not equal risk contribution with covariances: ERC
 * needs a covariance matrix of the strategies' returns on a common grid, which with a handful of
 * strategies and a short history is mostly noise, and it equals inverse volatility when the
 * correlations are equal. Strategies without the minimum history or with a non-positive σ keep
 * their base share and stay out of the pool. A share above {@code maxShare} is cut; the cut part
 * stays in cash rather than being pushed onto the riskier strategies.
 */
public final class RiskParityAllocation implements BudgetPolicy {

  private final double maxShare;

  public RiskParityAllocation(double maxShare) {
    this.maxShare = maxShare;
  }

  @Override
  public String name() {
    return "risk-parity";
  }

  @Override
  public Map<String, Double> shares(List<String> strategies, RiskInputs inputs) {
    Map<String, Double> shares = new TreeMap<>();
    Map<String, Double> inverseVol = new TreeMap<>();
    double pool = 0;
    double totalInverse = 0;
    for (String strategy : strategies) {
      OptionalDouble vol = inputs.volatility(strategy);
      if (vol.isPresent() && vol.getAsDouble() > 0 && Double.isFinite(vol.getAsDouble())) {
        double inverse = 1 / vol.getAsDouble();
        inverseVol.put(strategy, inverse);
        totalInverse += inverse;
        pool += inputs.baseShare(strategy);
      } else {
        shares.put(strategy, inputs.baseShare(strategy));
      }
    }
    for (Map.Entry<String, Double> e : inverseVol.entrySet()) {
      shares.put(e.getKey(), Math.min(maxShare, pool * e.getValue() / totalInverse));
    }
    return shares;
  }
}
