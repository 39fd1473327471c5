package dev.tradingsystem.frameworks.freqtrade.strategy;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Quantile;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agents' consensus as FreqAI-style prediction columns. FreqAI hands a strategy its model's
 * targets as {@code &}-prefixed dataframe columns plus {@code do_predict}; here the "model" is the
 * agent panel, so a strategy written against FreqAI predictions reads the same way:
 * <ul>
 *   <li>{@code &consensus_score} (weighted score in [-1, 1]), {@code &consensus_confidence},
 *       {@code &expected_edge_bps}, {@code &edge_variance} (bps², NaN when the panel had no edge
 *       estimate), {@code &quorum} and {@code &degraded} (1 or 0);</li>
 *   <li>per agent signal: {@code &<agent>_score} (strength signed by direction),
 *       {@code &<agent>_confidence}, {@code &<agent>_horizon_sec} and one {@code &<agent>_q<pct>}
 *       per forecast quantile ({@code &lagllama_q10}, {@code &lagllama_q50}, {@code &lagllama_q90}:
 *       log return over the horizon);</li>
 *   <li>{@code do_predict}: 1 when the quorum rule was met (the prediction may be acted on), else 0.</li>
 * </ul>
 * Non-finite numbers become NaN: a missing prediction, never a made-up zero.
 */
public final class Predictions {

  public static final String DO_PREDICT = "do_predict";
  public static final String CONSENSUS_SCORE = "&consensus_score";
  public static final String CONSENSUS_CONFIDENCE = "&consensus_confidence";
  public static final String EXPECTED_EDGE_BPS = "&expected_edge_bps";
  public static final String EDGE_VARIANCE = "&edge_variance";
  public static final String QUORUM = "&quorum";
  public static final String DEGRADED = "&degraded";

  private Predictions() {
  }

  /** The prediction columns of one consensus, in a stable order. */
  public static Map<String, Double> of(Consensus consensus) {
    Map<String, Double> columns = new LinkedHashMap<>();
    columns.put(CONSENSUS_SCORE, finite(consensus.getScore()));
    columns.put(CONSENSUS_CONFIDENCE, finite(consensus.getConfidence()));
    columns.put(EXPECTED_EDGE_BPS, finite(consensus.getExpectedEdgeBps()));
    columns.put(EDGE_VARIANCE, finite(consensus.getEdgeVariance()));
    columns.put(QUORUM, consensus.getQuorum() ? 1.0 : 0.0);
    columns.put(DEGRADED, consensus.getDegraded() ? 1.0 : 0.0);
    columns.put(DO_PREDICT, consensus.getQuorum() ? 1.0 : 0.0);
    for (AgentSignal signal : consensus.getSignalsList()) {
      String agent = agentColumn(signal.getAgent());
      if (agent.isEmpty()) {
        continue;
      }
      double sign = signal.getDirection() == Direction.LONG ? 1 : signal.getDirection() == Direction.SHORT ? -1 : 0;
      columns.put("&" + agent + "_score", finite(sign * signal.getStrength()));
      columns.put("&" + agent + "_confidence", finite(signal.getConfidence()));
      columns.put("&" + agent + "_horizon_sec", (double) signal.getHorizonSec());
      for (Quantile quantile : signal.getQuantilesList()) {
        columns.put(quantileColumn(agent, quantile.getLevel()), finite(quantile.getValue()));
      }
    }
    return columns;
  }

  /** {@code &<agent>_q<pct>}: level 0.1 is {@code q10}, 0.025 is {@code q2.5}. */
  public static String quantileColumn(String agent, double level) {
    String pct = Double.isFinite(level)
        ? BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() : "nan";
    return "&" + agentColumn(agent) + "_q" + pct;
  }

  /** Agent names as column names: lower case, letters, digits and underscores. */
  static String agentColumn(String agent) {
    return agent.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : Double.NaN;
  }
}
