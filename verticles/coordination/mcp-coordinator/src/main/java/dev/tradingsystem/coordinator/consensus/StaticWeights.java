package dev.tradingsystem.coordinator.consensus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Weights from configuration; agents not listed get the default. */
public final class StaticWeights implements AgentWeights {

  private final Map<String, Double> weights;
  private final double defaultWeight;

  /** @throws IllegalArgumentException when a weight is not a finite number >= 0 */
  public StaticWeights(Map<String, Double> weights, double defaultWeight) {
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      check(entry.getKey(), entry.getValue());
    }
    check("default", defaultWeight);
    this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    this.defaultWeight = defaultWeight;
  }

  @Override
  public double weight(String agentShortName) {
    return weights.getOrDefault(agentShortName, defaultWeight);
  }

  /** The listed weights (agents not listed get the default). */
  public Map<String, Double> asMap() {
    return weights;
  }

  private static void check(String agent, double weight) {
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException("weight of " + agent + " must be a finite number >= 0, got " + weight);
    }
  }
}
