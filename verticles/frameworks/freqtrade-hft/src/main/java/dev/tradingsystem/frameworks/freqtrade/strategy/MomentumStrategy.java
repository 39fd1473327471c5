package dev.tradingsystem.frameworks.freqtrade.strategy;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.ServiceNames;
import java.math.BigDecimal;

/**
 * Trend-following on the agents' consensus, confirmed by the tape:
 * <ul>
 *   <li>enter long when the consensus is LONG with quorum and a score of at least the entry
 *       threshold, and the fast EMA is above the slow EMA (the move is already under way);</li>
 *   <li>enter short on the mirror image (the trade manager drops it unless shorts are allowed);</li>
 *   <li>exit when a quorum consensus turns against the trade with at least the exit threshold.</li>
 * </ul>
 * The ROI table and stoploss are this strategy's; the trade manager enforces them first.
 */
public final class MomentumStrategy implements Strategy {

  public static final String NAME = "momentum";
  public static final String ID = ServiceNames.FREQTRADE + "." + NAME;

  private final double entryThreshold;
  private final double exitThreshold;
  private final RoiTable minimalRoi;
  private final BigDecimal stoploss;

  /**
   * @param entryThreshold minimum |score| of a quorum consensus to open a trade
   * @param exitThreshold  minimum |score| of an opposite quorum consensus to close one
   */
  public MomentumStrategy(double entryThreshold, double exitThreshold, RoiTable minimalRoi, BigDecimal stoploss) {
    this.entryThreshold = entryThreshold;
    this.exitThreshold = exitThreshold;
    this.minimalRoi = minimalRoi;
    this.stoploss = stoploss;
  }

  @Override
  public String id() {
    return ID;
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

  @Override
  public RoiTable minimalRoi() {
    return minimalRoi;
  }

  @Override
  public BigDecimal stoploss() {
    return stoploss;
  }

  /** Before both EMAs have a value the trend filter says nothing; a zero EMA is not a trend. */
  private static boolean emasWarm(FeatureVector features) {
    return features.getEmaFast() > 0 && features.getEmaSlow() > 0;
  }
}
