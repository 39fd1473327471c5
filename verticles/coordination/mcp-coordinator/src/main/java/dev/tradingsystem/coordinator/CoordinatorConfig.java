package dev.tradingsystem.coordinator;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's configuration, read once at start and validated (a bad value fails the
 * deployment naming its key).
 *
 * @param agents         the agent services asked for every feature vector, in report order
 * @param agentTimeoutMs deadline of each analyze call
 * @param weights        vote weight per agent short name ({@code deepseek})
 * @param minScore       smallest |score| for a LONG or SHORT consensus
 * @param quorum         answering agents needed for a directional consensus
 * @param edgeScaleBps   expected edge of a unanimous full-conviction vote without forecasts
 */
public record CoordinatorConfig(List<String> agents, long agentTimeoutMs, Map<String, Double> weights,
                                double minScore, int quorum, double edgeScaleBps) {

  /**
   * Deadline per agent call, live. Longer lets slow (remote LLM) agents be heard; shorter bounds
   * the tick-to-order latency, since a consensus waits for its slowest agent. Replay defaults to
   * {@link TradingClock#REPLAY_DEADLINE_MS} so that load never changes who answered.
   */
  public static final long DEFAULT_AGENT_TIMEOUT_MS = 2_000;
  /** Weight of an agent without its own {@code coordinator.weights.<agent>}. */
  public static final double DEFAULT_WEIGHT = 1.0;
  /**
   * Conviction needed to trade. Higher trades less and only on agreement; lower reacts to a
   * single confident agent.
   */
  public static final double DEFAULT_MIN_SCORE = 0.15;
  /**
   * Answering agents needed for LONG/SHORT. More protects against one agent's error while the
   * others are down, at the cost of standing down during partial outages.
   */
  public static final int DEFAULT_QUORUM = 2;
  /**
   * Edge in bps a unanimous, fully confident vote stands for when no agent forecasts quantiles.
   * It scales sizing only; the direction does not depend on it.
   */
  public static final double DEFAULT_EDGE_SCALE_BPS = 10.0;

  public static CoordinatorConfig from(ConfigReader config) {
    List<String> agents = config.strings("coordinator.agents", ServiceNames.AGENTS);
    if (agents.isEmpty()) {
      throw new ConfigException("coordinator.agents", "needs at least one agent service");
    }
    if (new LinkedHashSet<>(agents).size() != agents.size()) {
      throw new ConfigException("coordinator.agents", "lists an agent twice: " + agents);
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String agent : agents) {
      String shortName = ServiceNames.agentShortName(agent);
      weights.put(shortName, config.decimal("coordinator.weights." + shortName, DEFAULT_WEIGHT, 0, 1_000));
    }
    int quorum = config.integer("coordinator.quorum", DEFAULT_QUORUM, 0, 1_000);
    if (quorum > agents.size()) {
      throw new ConfigException("coordinator.quorum", quorum + " exceeds the " + agents.size()
          + " agents in coordinator.agents: no consensus could ever trade");
    }
    return new CoordinatorConfig(List.copyOf(agents),
        config.integer("coordinator.agentTimeoutMs",
            TradingClock.defaultDeadlineMillis(config.string("clock.mode", "event"), DEFAULT_AGENT_TIMEOUT_MS), 1, 600_000),
        Collections.unmodifiableMap(weights),
        config.decimal("coordinator.minScore", DEFAULT_MIN_SCORE, 0, 1),
        quorum,
        config.decimal("coordinator.edgeScaleBps", DEFAULT_EDGE_SCALE_BPS, 0, 10_000));
  }
}
