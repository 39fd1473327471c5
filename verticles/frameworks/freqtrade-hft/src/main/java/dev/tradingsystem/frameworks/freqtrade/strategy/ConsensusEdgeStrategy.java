package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * A FreqAI-style regression strategy on the panel's forecast: it trades the consensus's expected
 * edge ({@code &expected_edge_bps}) the way a FreqAI strategy trades a predicted return column,
 * gated by {@code do_predict} and sized by how certain the forecast is.
 * <ul>
 *   <li>entry: {@code do_predict == 1}, |{@code &consensus_score}| ≥ {@code minScore}, the edge
 *       points the same way, |edge| ≥ {@code minEdgeBps} (it must pay the costs) and the edge's
 *       z-score |edge| / √{@code &edge_variance} ≥ {@code minEdgeZ};</li>
 *   <li>stake ({@code custom_stake_amount}): the proposed stake times z / {@code fullStakeZ},
 *       clamped to [{@code minStakeFraction}, 1]: a forecast twice as certain risks twice as much;</li>
 *   <li>exit signal: the edge turned against the trade by {@code exitEdgeBps} or more;</li>
 *   <li>{@code custom_exit} {@code edge_gone}: in profit and the edge no longer favours the trade.</li>
 * </ul>
 * Defaults: ROI {@code {"0": 0.01, "20": 0.005, "60": 0}}, stoploss -1.5 %.
 */
public final class ConsensusEdgeStrategy implements Strategy {

  public static final String NAME = "consensus-edge";
  public static final ParameterSpace PARAMETERS = ParameterSpace.of(
      ParameterSpace.decimal("minScore", 0, 1, 0.2),
      ParameterSpace.decimal("minEdgeBps", 0, 1_000, 10),
      ParameterSpace.decimal("minEdgeZ", 0, 20, 0.5),
      ParameterSpace.decimal("exitEdgeBps", 0, 1_000, 0),
      ParameterSpace.decimal("fullStakeZ", 0.1, 20, 2),
      ParameterSpace.decimal("minStakeFraction", 0.01, 1, 0.25));
  public static final StrategyDefaults DEFAULTS = StrategyDefaults.of(
      RoiTable.parse(Map.of("0", "0.01", "20", "0.005", "60", "0")), new BigDecimal("-0.015"));

  private final double minScore;
  private final double minEdgeBps;
  private final double minEdgeZ;
  private final double exitEdgeBps;
  private final double fullStakeZ;
  private final double minStakeFraction;

  public ConsensusEdgeStrategy(Parameters parameters) {
    this.minScore = parameters.decimal("minScore");
    this.minEdgeBps = parameters.decimal("minEdgeBps");
    this.minEdgeZ = parameters.decimal("minEdgeZ");
    this.exitEdgeBps = parameters.decimal("exitEdgeBps");
    this.fullStakeZ = parameters.decimal("fullStakeZ");
    this.minStakeFraction = parameters.decimal("minStakeFraction");
  }

  @Override
  public StrategyDefaults defaults() {
    return DEFAULTS;
  }

  @Override
  public EntrySignal populateEntry(StrategyInput input) {
    double score = input.column(Predictions.CONSENSUS_SCORE);
    double edge = input.column(Predictions.EXPECTED_EDGE_BPS);
    if (!input.doPredict() || !(Math.abs(score) >= minScore) || !(Math.abs(edge) >= minEdgeBps)
        || Math.signum(edge) != Math.signum(score)) {
      return EntrySignal.NONE;
    }
    // A NaN z-score (no variance estimate) passes only when no certainty is asked for.
    double z = edgeZ(input);
    if (minEdgeZ > 0 && !(z >= minEdgeZ)) {
      return EntrySignal.NONE;
    }
    return edge > 0 ? EntrySignal.enter(TradeSide.LONG, "edge_long") : EntrySignal.enter(TradeSide.SHORT, "edge_short");
  }

  @Override
  public ExitSignal populateExit(StrategyInput input, OpenTrade trade) {
    double edge = input.column(Predictions.EXPECTED_EDGE_BPS);
    if (input.doPredict() && edge * trade.side().sign() <= -exitEdgeBps && edge != 0) {
      return ExitSignal.exit("edge_reversed");
    }
    return ExitSignal.HOLD;
  }

  @Override
  public BigDecimal customStakeAmount(StakeRequest request) {
    double z = edgeZ(request.input());
    double fraction = Double.isNaN(z) ? minStakeFraction : Math.max(minStakeFraction, Math.min(1, z / fullStakeZ));
    return request.proposedStake().multiply(BigDecimal.valueOf(fraction)).setScale(6, RoundingMode.DOWN);
  }

  @Override
  public Optional<String> customExit(TradeContext context) {
    double edge = context.input().column(Predictions.EXPECTED_EDGE_BPS);
    if (context.currentProfit().signum() > 0 && context.input().doPredict()
        && edge * context.trade().side().sign() <= 0) {
      return Optional.of("edge_gone");
    }
    return Optional.empty();
  }

  /** |edge| over its standard deviation; NaN without a positive variance. */
  static double edgeZ(StrategyInput input) {
    double variance = input.column(Predictions.EDGE_VARIANCE);
    double edge = input.column(Predictions.EXPECTED_EDGE_BPS);
    return variance > 0 ? Math.abs(edge) / Math.sqrt(variance) : Double.NaN;
  }
}
