package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;

/**
 * What a strategy class declares about itself, like the attributes of a Freqtrade
 * {@code IStrategy}: its ROI table, stoploss, trailing stop, timeframe, whether it shorts and
 * whether it adjusts positions. Configuration overrides each one, as Freqtrade's config does.
 *
 * @param minimalRoi                 {@code minimal_roi}
 * @param stoploss                   {@code stoploss}, a negative ratio in (-1, 0)
 * @param trailing                   {@code trailing_stop*}
 * @param timeframe                  {@code timeframe}
 * @param canShort                   {@code can_short}
 * @param positionAdjustmentEnable   {@code position_adjustment_enable}
 * @param maxEntryPositionAdjustment {@code max_entry_position_adjustment}: -1 unlimited
 */
public record StrategyDefaults(RoiTable minimalRoi, BigDecimal stoploss, TrailingStop trailing, Timeframe timeframe,
    boolean canShort, boolean positionAdjustmentEnable, int maxEntryPositionAdjustment) {

  public StrategyDefaults {
    if (stoploss.signum() >= 0 || stoploss.compareTo(BigDecimal.ONE.negate()) <= 0) {
      throw new IllegalArgumentException("stoploss must be within (-1, 0), got " + stoploss);
    }
    if (maxEntryPositionAdjustment < -1) {
      throw new IllegalArgumentException("max_entry_position_adjustment must be -1 (unlimited) or more");
    }
  }

  /** A strategy with a ROI table and a stoploss, everything else off, 1-minute timeframe. */
  public static StrategyDefaults of(RoiTable minimalRoi, BigDecimal stoploss) {
    return new StrategyDefaults(minimalRoi, stoploss, TrailingStop.OFF, Timeframe.ONE_MINUTE, false, false, -1);
  }

  public StrategyDefaults withTrailing(TrailingStop value) {
    return new StrategyDefaults(minimalRoi, stoploss, value, timeframe, canShort, positionAdjustmentEnable,
        maxEntryPositionAdjustment);
  }

  public StrategyDefaults withTimeframe(Timeframe value) {
    return new StrategyDefaults(minimalRoi, stoploss, trailing, value, canShort, positionAdjustmentEnable,
        maxEntryPositionAdjustment);
  }

  public StrategyDefaults withCanShort(boolean value) {
    return new StrategyDefaults(minimalRoi, stoploss, trailing, timeframe, value, positionAdjustmentEnable,
        maxEntryPositionAdjustment);
  }

  /** Position adjustment (DCA) on, with at most {@code maxAdjustments} extra entries (-1 unlimited). */
  public StrategyDefaults withPositionAdjustment(int maxAdjustments) {
    return new StrategyDefaults(minimalRoi, stoploss, trailing, timeframe, canShort, true, maxAdjustments);
  }
}
