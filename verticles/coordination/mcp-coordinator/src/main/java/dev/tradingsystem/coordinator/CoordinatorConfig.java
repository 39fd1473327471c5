package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.learning.LearningParams;
import dev.tradingsystem.coordinator.mcp.CoordinatorMcpConfig;
import dev.tradingsystem.coordinator.risk.RiskDamper;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's configuration, read once at start and validated (a bad value fails the
 * deployment naming its key).
 *
 * @param agents         the panel: agent services whose answers make the consensus, in report order
 * @param shadowAgents   agents on trial: asked and scored like the panel, never published
 * @param agentTimeoutMs deadline of each analyze call
 * @param weights        configured weight per agent short name ({@code deepseek}), shadows included
 * @param minScore       smallest |score| for a LONG or SHORT consensus
 * @param quorum         fresh panel answers needed for a directional consensus
 * @param countDegraded  whether degraded (fallback) answers count toward the quorum
 * @param edgeScaleBps   edge a full-strength directional call stands for
 * @param signalTtlMs    oldest a signal may be relative to its decision before it counts as missing
 * @param learning       true to learn weights from fills
 * @param learningParams how weights learn
 * @param weightsFile    where learned weights are kept across restarts
 * @param persistWeights true to restore learned weights at start and save them while running
 * @param persistIntervalMs how often changed weights are saved
 * @param mcp            the MCP server and the routes of its routed tools ({@code coordinator.mcp.*})
 * @param risk           the size haircut under risk alerts ({@code coordinator.risk.warningHaircut},
 *                       {@code coordinator.risk.holdSeconds})
 */
public record CoordinatorConfig(List<String> agents, List<String> shadowAgents, long agentTimeoutMs,
                                Map<String, Double> weights, double minScore, int quorum, boolean countDegraded,
                                double edgeScaleBps, long signalTtlMs, boolean learning, LearningParams learningParams,
                                Path weightsFile, boolean persistWeights, long persistIntervalMs,
                                CoordinatorMcpConfig mcp, RiskDamper.Settings risk) {

  /**
   * Deadline per agent call, live. Longer lets slow (remote LLM) agents be heard; shorter bounds
   * the tick-to-order latency, since a consensus waits for its slowest agent. Replay defaults to
   * {@link TradingClock#REPLAY_DEADLINE_MS} so that load never changes who answered.
   */
  public static final long DEFAULT_AGENT_TIMEOUT_MS = 2_000;
  /** Weight of an agent without its own {@code coordinator.weights.<agent>}. */
  public static final double DEFAULT_WEIGHT = 1.0;
  /** Conviction needed to trade. Higher trades less and only on agreement; lower reacts to one confident agent. */
  public static final double DEFAULT_MIN_SCORE = 0.15;
  /**
   * Fresh panel answers needed for LONG/SHORT ({@code coordinator.quorum.min}). More protects
   * against one agent's error while the others are down, at the cost of standing down during
   * partial outages.
   */
  public static final int DEFAULT_QUORUM = 2;
  /**
   * Degraded answers count toward the quorum: a fallback model still read the market. False
   * stands the frameworks down when the primary models are out, at the cost of trading less.
   */
  public static final boolean DEFAULT_COUNT_DEGRADED = true;
  /** Edge in bps of a full-strength directional call; a fully confident call's sigma. Scales sizing and the score. */
  public static final double DEFAULT_EDGE_SCALE_BPS = 10.0;
  /**
   * Signals older than their decision by more than this are dropped as "stale". Short rejects
   * cached opinions sooner; long tolerates agents whose clocks or caches lag.
   */
  public static final long DEFAULT_SIGNAL_TTL_MS = 5_000;
  /** Pseudo-calls of the even prior: larger keeps new agents near their configured weight longer. */
  public static final double DEFAULT_PRIOR_STRENGTH = 4;
  /** Scored calls after which a result counts half: shorter adapts faster, noisier. */
  public static final double DEFAULT_HALF_LIFE = 50;
  /** Floor of the learned factor: a poor agent keeps a tenth of its weight and can win it back. */
  public static final double DEFAULT_MIN_FACTOR = 0.1;
  /** Cap of the learned factor: a perfect agent doubles its configured weight. */
  public static final double DEFAULT_MAX_FACTOR = 2.0;
  /** Mark-outs under 1 bp are noise at BTC tick sizes, not evidence. */
  public static final double DEFAULT_MIN_MOVE_BPS = 1.0;
  /** Mark-out horizon for signals without their own. */
  public static final long DEFAULT_HORIZON_MS = 60_000;
  /** Decisions remembered for attribution and explain_decision: memory against how late a fill may be credited. */
  public static final int DEFAULT_MAX_DECISIONS = 10_000;
  /** File name of the learned weights inside the run's data directory ({@code warehouse.dir}). */
  public static final String DEFAULT_WEIGHTS_FILE_NAME = "coordinator-weights.json";
  /** The run's data directory when {@code warehouse.dir} is not set (the CLI's --data-dir default). */
  public static final String DEFAULT_DATA_DIR = "data";
  /** Saving more often loses less on a crash, at a small write per interval while weights change. */
  public static final long DEFAULT_PERSIST_INTERVAL_MS = 5_000;
  /**
   * Haircut on new exposure while a WARNING alert holds ({@code coordinator.risk.warningHaircut}).
   * Higher gives up more trading to a warning that may be noise; lower keeps more exposure growing
   * into what may become a CRITICAL. CRITICAL, REDUCING and HALTED always cut everything new (1).
   */
  public static final double DEFAULT_WARNING_HAIRCUT = 0.5;
  /**
   * Event time an alert holds without a repeat or a recovery message ({@code coordinator.risk.holdSeconds}).
   * Long keeps sizing down when the recovery message is lost; short resumes sooner after a blip. The
   * frameworks' own holds default to the same 300 s.
   */
  public static final double DEFAULT_RISK_HOLD_SECONDS = 300;

  public static CoordinatorConfig from(ConfigReader config) {
    List<String> agents = agentList(config, "coordinator.agents", ServiceNames.AGENTS);
    if (agents.isEmpty()) {
      throw new ConfigException("coordinator.agents", "needs at least one agent service");
    }
    List<String> shadows = agentList(config, "coordinator.shadowAgents", List.of());
    for (String shadow : shadows) {
      if (agents.contains(shadow)) {
        throw new ConfigException("coordinator.shadowAgents", shadow + " is also on the panel (coordinator.agents)");
      }
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    List<String> everyone = new ArrayList<>(agents);
    everyone.addAll(shadows);
    for (String agent : everyone) {
      String shortName = ServiceNames.agentShortName(agent);
      weights.put(shortName, config.decimal("coordinator.weights." + shortName, DEFAULT_WEIGHT, 0, 1_000));
    }
    int quorum = quorumMinimum(config);
    if (quorum > agents.size()) {
      throw new ConfigException("coordinator.quorum.min", quorum + " exceeds the " + agents.size()
          + " agents in coordinator.agents: no consensus could ever trade");
    }
    String clockMode = config.string("clock.mode", "event");
    String explicitFile = config.string("coordinator.weights.file", "").trim();
    Path weightsFile = explicitFile.isEmpty()
        ? Path.of(config.string("warehouse.dir", DEFAULT_DATA_DIR).trim(), DEFAULT_WEIGHTS_FILE_NAME)
        : Path.of(explicitFile);
    // Replays start from the configured weights so the same data gives the same decisions; live
    // runs (or a replay that names its file) carry what they learned across restarts.
    boolean persist = config.bool("coordinator.weights.persist", "wall".equals(clockMode) || !explicitFile.isEmpty());
    return new CoordinatorConfig(agents, shadows,
        config.integer("coordinator.agentTimeoutMs",
            TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_AGENT_TIMEOUT_MS), 1, 600_000),
        Collections.unmodifiableMap(weights),
        config.decimal("coordinator.minScore", DEFAULT_MIN_SCORE, 0, 1),
        quorum,
        config.bool("coordinator.quorum.countDegraded", DEFAULT_COUNT_DEGRADED),
        config.decimal("coordinator.edgeScaleBps", DEFAULT_EDGE_SCALE_BPS, 1e-6, 10_000),
        config.integer("coordinator.signalTtlMs", DEFAULT_SIGNAL_TTL_MS, 1, 86_400_000),
        config.bool("coordinator.learning.enabled", true),
        learningParams(config),
        weightsFile, persist,
        config.integer("coordinator.weights.persistIntervalMs", DEFAULT_PERSIST_INTERVAL_MS, 100, 3_600_000),
        CoordinatorMcpConfig.from(config),
        new RiskDamper.Settings(
            config.decimal("coordinator.risk.warningHaircut", DEFAULT_WARNING_HAIRCUT, 0, 1),
            Math.max(1, Math.round(1_000_000
                * config.decimal("coordinator.risk.holdSeconds", DEFAULT_RISK_HOLD_SECONDS, 0.001, 86_400)))));
  }

  private static LearningParams learningParams(ConfigReader config) {
    return new LearningParams(
        config.decimal("coordinator.learning.priorStrength", DEFAULT_PRIOR_STRENGTH, 0.01, 1_000_000),
        config.decimal("coordinator.learning.halfLife", DEFAULT_HALF_LIFE, 0.01, 1_000_000),
        config.decimal("coordinator.learning.minFactor", DEFAULT_MIN_FACTOR, 0, 1),
        config.decimal("coordinator.learning.maxFactor", DEFAULT_MAX_FACTOR, 1, 2),
        config.decimal("coordinator.learning.minMoveBps", DEFAULT_MIN_MOVE_BPS, 0, 10_000),
        config.integer("coordinator.learning.defaultHorizonMs", DEFAULT_HORIZON_MS, 1, 86_400_000),
        config.integer("coordinator.learning.maxDecisions", DEFAULT_MAX_DECISIONS, 1, 10_000_000));
  }

  /** {@code coordinator.quorum.min}; a plain number under {@code coordinator.quorum} is read the same. */
  private static int quorumMinimum(ConfigReader config) {
    Object legacy = config.raw("coordinator.quorum");
    if (legacy != null && !(legacy instanceof JsonObject)) {
      return config.integer("coordinator.quorum", DEFAULT_QUORUM, 0, 1_000);
    }
    return config.integer("coordinator.quorum.min", DEFAULT_QUORUM, 0, 1_000);
  }

  private static List<String> agentList(ConfigReader config, String key, List<String> defaults) {
    List<String> agents = config.strings(key, defaults);
    if (new LinkedHashSet<>(agents).size() != agents.size()) {
      throw new ConfigException(key, "lists an agent twice: " + agents);
    }
    return List.copyOf(agents);
  }
}
