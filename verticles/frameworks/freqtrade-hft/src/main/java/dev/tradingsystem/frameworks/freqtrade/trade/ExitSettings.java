package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.TrailingStop;
import java.math.BigDecimal;

/**
 * The exit settings of one strategy, named after Freqtrade's.
 *
 * @param minimalRoi             {@code minimal_roi}
 * @param stoploss               {@code stoploss}: negative ratio below the open rate
 * @param trailing               {@code trailing_stop}, {@code trailing_stop_positive},
 *                               {@code trailing_stop_positive_offset}, {@code trailing_only_offset_is_reached}
 * @param useExitSignal          {@code use_exit_signal}: act on the strategy's exit signal and custom exit
 * @param exitProfitOnly         {@code exit_profit_only}: an exit signal counts only above {@code exitProfitOffset}
 * @param exitProfitOffset       {@code exit_profit_offset}
 * @param ignoreRoiIfEntrySignal {@code ignore_roi_if_entry_signal}: no ROI exit while the entry signal still holds
 * @param maxTradeMinutes        our time-based exit: close a trade open this long (0: never)
 * @param fee                    fee ratio per side the profit is computed net of (Freqtrade's {@code fee})
 */
public record ExitSettings(RoiTable minimalRoi, BigDecimal stoploss, TrailingStop trailing, boolean useExitSignal,
    boolean exitProfitOnly, BigDecimal exitProfitOffset, boolean ignoreRoiIfEntrySignal, long maxTradeMinutes,
    BigDecimal fee) {

  /** The ROI table and stoploss with Freqtrade's defaults for the rest and no fee. */
  public static ExitSettings of(RoiTable minimalRoi, BigDecimal stoploss, TrailingStop trailing) {
    return new ExitSettings(minimalRoi, stoploss, trailing, true, false, BigDecimal.ZERO, false, 0, BigDecimal.ZERO);
  }

  public ExitSettings withFee(BigDecimal value) {
    return new ExitSettings(minimalRoi, stoploss, trailing, useExitSignal, exitProfitOnly, exitProfitOffset,
        ignoreRoiIfEntrySignal, maxTradeMinutes, value);
  }

  public ExitSettings withMaxTradeMinutes(long value) {
    return new ExitSettings(minimalRoi, stoploss, trailing, useExitSignal, exitProfitOnly, exitProfitOffset,
        ignoreRoiIfEntrySignal, value, fee);
  }

  public ExitSettings withExitProfitOnly(BigDecimal offset) {
    return new ExitSettings(minimalRoi, stoploss, trailing, useExitSignal, true, offset, ignoreRoiIfEntrySignal,
        maxTradeMinutes, fee);
  }
}
