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
 * <p>An operator may replace an agent's base weight ({@link #overrideBase}); the learned factor
 * still applies on top of it, and the override is kept with the posteriors across restarts.
 *
 * <p>Not thread-safe: owned by the coordinator's context; others read {@link #standings()}.
 */
public final class WeightBook implements AgentWeights {

  private final Map<String, Double> configuredBase;
  private final Map<String, Double> baseWeights;
  private final Map<String, BaseOverride> overrides = new LinkedHashMap<>();
  private final double defaultBase;
  private final LearningParams params;
  private final Map<String, Posterior> posteriors = new LinkedHashMap<>();

  /** @param baseWeights configured weight per agent short name, in report order */
  public WeightBook(Map<String, Double> baseWeights, double defaultBase, LearningParams params) {
    baseWeights.forEach(WeightBook::checkBase);
    this.configuredBase = new LinkedHashMap<>(baseWeights);
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

  /**
   * Replaces an agent's base weight from the next snapshot on; the learned factor still applies.
   * Setting the configured value back removes the override.
   *
   * @return the standing after the change
   * @throws IllegalArgumentException when the agent is not in this book or the weight is not a
   *     finite number >= 0
   */
  public Standing overrideBase(String agentShortName, double weight) {
    if (!configuredBase.containsKey(agentShortName)) {
      throw new IllegalArgumentException(agentShortName + " is not a configured agent: " + configuredBase.keySet());
    }
    checkBase(agentShortName, weight);
    double configured = configuredBase.get(agentShortName);
    baseWeights.put(agentShortName, weight);
    if (weight == configured) {
      overrides.remove(agentShortName);
    } else {
      overrides.put(agentShortName, new BaseOverride(weight, configured));
    }
    return standing(agentShortName);
  }

  /**
   * Re-applies overrides saved by a previous run, each only if the configured base weight is
   * still the one it replaced: a configuration edited since wins.
   *
   * @return the agents whose saved override was not applied (unknown agent or configuration changed)
   */
  public List<String> restoreOverrides(Map<String, BaseOverride> saved) {
    List<String> skipped = new ArrayList<>();
    saved.forEach((agent, override) -> {
      Double configured = configuredBase.get(agent);
      if (configured != null && configured == override.configuredBase()) {
        overrideBase(agent, override.weight());
      } else {
        skipped.add(agent);
      }
    });
    return skipped;
  }

  /** Operator overrides of base weights, by agent, in the order they were set. */
  public Map<String, BaseOverride> overrides() {
    return new LinkedHashMap<>(overrides);
  }

  /** The configured base weight of an agent ({@code coordinator.weights.<agent>}). */
  public double configuredBase(String agentShortName) {
    return configuredBase.getOrDefault(agentShortName, defaultBase);
  }

  /** Whether the agent is in this book (configured, panel or shadow). */
  public boolean knows(String agentShortName) {
    return configuredBase.containsKey(agentShortName);
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

  static void checkBase(String agent, double weight) {
    if (!(weight >= 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("base weight of " + agent + " must be a finite number >= 0, got " + weight);
    }
  }

  private Posterior posterior(String agent) {
    return posteriors.getOrDefault(agent, Posterior.prior(params));
  }
}
