package dev.tradingsystem.coordinator.consensus;

import java.util.Map;

/** Weights from configuration; agents not listed get the default. */
public final class StaticWeights implements AgentWeights {

  private final Map<String, Double> weights;
  private final double defaultWeight;

  public StaticWeights(Map<String, Double> weights, double defaultWeight) {
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      check(entry.getKey(), entry.getValue());
    }
    check("default", defaultWeight);
    this.weights = Map.copyOf(weights);
    this.defaultWeight = defaultWeight;
  }

  @Override
  public double weight(String agentShortName) {
    return weights.getOrDefault(agentShortName, defaultWeight);
  }

  private static void check(String agent, double weight) {
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException("weight of " + agent + " must be a finite number >= 0, got " + weight);
    }
  }
}
