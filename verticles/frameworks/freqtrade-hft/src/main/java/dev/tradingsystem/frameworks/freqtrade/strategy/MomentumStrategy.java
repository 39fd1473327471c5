package dev.tradingsystem.frameworks.freqtrade.strategy;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Trend-following on the agents' consensus, confirmed by the tape:
 * <ul>
 *   <li>enter long when the consensus is LONG with quorum and a score of at least
 *       {@code entryThreshold}, and the fast EMA is above the slow EMA (the move is under way);</li>
 *   <li>enter short on the mirror image (dropped unless the strategy may short);</li>
 *   <li>exit when a quorum consensus turns against the trade with at least {@code exitThreshold}.</li>
 * </ul>
 * Defaults: ROI {@code {"0": 0.01, "30": 0.005, "60": 0}}, stoploss -2 %.
 */
public final class MomentumStrategy implements Strategy {

  public static final String NAME = "momentum";
  public static final ParameterSpace PARAMETERS = ParameterSpace.of(
      ParameterSpace.decimal("entryThreshold", 0, 1, 0.2),
      ParameterSpace.decimal("exitThreshold", 0, 1, 0.1));
  public static final StrategyDefaults DEFAULTS = StrategyDefaults.of(
      RoiTable.parse(Map.of("0", "0.01", "30", "0.005", "60", "0")), new BigDecimal("-0.02"));

  private final double entryThreshold;
  private final double exitThreshold;

  public MomentumStrategy(Parameters parameters) {
    this.entryThreshold = parameters.decimal("entryThreshold");
    this.exitThreshold = parameters.decimal("exitThreshold");
  }

  @Override
  public StrategyDefaults defaults() {
    return DEFAULTS;
  }

  @Override
  public EntrySignal populateEntry(StrategyInput input) {
    Consensus consensus = input.consensus();
    FeatureVector features = input.features();
    if (!consensus.getQuorum() || !emasWarm(features)) {
      return EntrySignal.NONE;
    }
    if (consensus.getDirection() == Direction.LONG && consensus.getScore() >= entryThreshold
        && features.getEmaFast() > features.getEmaSlow()) {
      return EntrySignal.enter(TradeSide.LONG, "consensus_long");
    }
    if (consensus.getDirection() == Direction.SHORT && -consensus.getScore() >= entryThreshold
        && features.getEmaFast() < features.getEmaSlow()) {
      return EntrySignal.enter(TradeSide.SHORT, "consensus_short");
    }
    return EntrySignal.NONE;
  }

  @Override
  public ExitSignal populateExit(StrategyInput input, OpenTrade trade) {
    Consensus consensus = input.consensus();
    if (!consensus.getQuorum()) {
      return ExitSignal.HOLD;
    }
    boolean reversal = trade.side() == TradeSide.LONG
        ? consensus.getDirection() == Direction.SHORT && -consensus.getScore() >= exitThreshold
        : consensus.getDirection() == Direction.LONG && consensus.getScore() >= exitThreshold;
    return reversal ? ExitSignal.exit("consensus_reversal") : ExitSignal.HOLD;
  }

  /** Before both EMAs have a value the trend filter says nothing; a zero EMA is not a trend. */
  private static boolean emasWarm(FeatureVector features) {
    return features.getEmaFast() > 0 && features.getEmaSlow() > 0;
  }
}
