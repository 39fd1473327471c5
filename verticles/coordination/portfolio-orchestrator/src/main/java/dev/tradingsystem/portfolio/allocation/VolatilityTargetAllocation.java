package dev.tradingsystem.portfolio.allocation;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Volatility targeting: each strategy's base share is scaled by {@code targetVol / σ}, σ being
 * the annualised volatility of the strategy's returns on the capital it was allocated, so that
 * its P&amp;L, measured against its base capital, runs at the target volatility: a strategy
 * that swings twice as hard as the target gets half its base budget, a calm one up to
 * {@code maxShare}. The notional cap (capital × leverage) bounds the leverage it may take.
 *
 * <p>Without the minimum history, or with a volatility that is not a positive number (a strategy
 * that has not traded shows zero volatility, which says nothing about the risk it will take), a
 * strategy keeps its base share.
 */
public final class VolatilityTargetAllocation implements BudgetPolicy {

  private final double targetVolatility;
  private final double maxShare;

  /**
   * @param targetVolatility annualised volatility each strategy is sized to, e.g. 0.20
   * @param maxShare largest share of equity one strategy may get
   */
  public VolatilityTargetAllocation(double targetVolatility, double maxShare) {
    if (!(targetVolatility > 0) || !Double.isFinite(targetVolatility)) {
      throw new IllegalArgumentException("targetVolatility must be a finite number > 0, got " + targetVolatility);
    }
    this.targetVolatility = targetVolatility;
    this.maxShare = maxShare;
  }

  @Override
  public String name() {
    return "volatility-target";
  }

  @Override
  public Map<String, Double> shares(List<String> strategies, RiskInputs inputs) {
    Map<String, Double> shares = new TreeMap<>();
    for (String strategy : strategies) {
      double base = inputs.baseShare(strategy);
      OptionalDouble vol = inputs.volatility(strategy);
      if (vol.isEmpty() || !(vol.getAsDouble() > 0) || !Double.isFinite(vol.getAsDouble())) {
        shares.put(strategy, base);
      } else {
        shares.put(strategy, Math.min(maxShare, base * targetVolatility / vol.getAsDouble()));
      }
    }
    return shares;
  }
}
