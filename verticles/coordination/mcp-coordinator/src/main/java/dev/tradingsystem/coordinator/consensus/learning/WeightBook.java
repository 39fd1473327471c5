package dev.tradingsystem.coordinator.consensus.learning;

import dev.tradingsystem.coordinator.consensus.AgentWeights;
import dev.tradingsystem.coordinator.consensus.StaticWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent weights learned online from scored calls. Each agent holds a Beta posterior on its hit
 * rate, starting at an even prior, so without results every weight equals its configured base
 * weight. Its weight is {@code base x clamp(2 x hitRate, minFactor, maxFactor)}: a coin-flipper
 * keeps its base weight, an agent right 3 times in 4 gets 1.5 times it. Updates are per scored
 * call, in the order the calls are scored, never on wall time, so a replay learns the same
 * weights every time.
 *
 * <p>Not thread-safe: owned by the coordinator's context; others read {@link #standings()}.
 */
public final class WeightBook implements AgentWeights {

  private final Map<String, Double> baseWeights;
  private final double defaultBase;
  private final LearningParams params;
  private final Map<String, Posterior> posteriors = new LinkedHashMap<>();

  /** @param baseWeights configured weight per agent short name, in report order */
  public WeightBook(Map<String, Double> baseWeights, double defaultBase, LearningParams params) {
    baseWeights.forEach((agent, weight) -> {
      if (!(weight >= 0) || !Double.isFinite(weight)) {
        throw new IllegalArgumentException("base weight of " + agent + " must be a finite number >= 0, got " + weight);
      }
    });
    this.baseWeights = new LinkedHashMap<>(baseWeights);
    this.defaultBase = defaultBase;
    this.params = params;
    for (String agent : baseWeights.keySet()) {
      posteriors.put(agent, Posterior.prior(params));
    }
  }

  @Override
  public double weight(String agentShortName) {
    return standing(agentShortName).weight();
  }

  /** Records one scored call of an agent. */
  public void observe(String agentShortName, Outcome outcome) {
    posteriors.put(agentShortName, posterior(agentShortName).after(outcome, params));
  }

  /**
   * Replaces the posteriors of the agents named (restored from a previous run); agents not
   * named keep theirs. Agents unknown to this book are ignored and returned.
   */
  public List<String> restore(Map<String, Posterior> restored) {
    List<String> unknown = new ArrayList<>();
    restored.forEach((agent, posterior) -> {
      if (baseWeights.containsKey(agent)) {
        posteriors.put(agent, posterior);
      } else {
        unknown.add(agent);
      }
    });
    return unknown;
  }

  public Standing standing(String agentShortName) {
    Posterior posterior = posterior(agentShortName);
    double base = baseWeights.getOrDefault(agentShortName, defaultBase);
    double factor = Math.max(params.minFactor(), Math.min(params.maxFactor(), 2 * posterior.hitRate()));
    return new Standing(agentShortName, base, posterior, factor, base * factor);
  }

  /** Every configured agent's standing, in configured order. */
  public List<Standing> standings() {
    List<Standing> all = new ArrayList<>();
    for (String agent : baseWeights.keySet()) {
      all.add(standing(agent));
    }
    return List.copyOf(all);
  }

  /** The posteriors to persist, in configured order. */
  public Map<String, Posterior> posteriors() {
    return new LinkedHashMap<>(posteriors);
  }

  /** The current weights, frozen: a decision uses the weights of its start throughout. */
  public StaticWeights snapshot() {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Standing standing : standings()) {
      weights.put(standing.agent(), standing.weight());
    }
    return new StaticWeights(weights, defaultBase);
  }

  private Posterior posterior(String agent) {
    return posteriors.getOrDefault(agent, Posterior.prior(params));
  }
}
