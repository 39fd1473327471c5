package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The exits every Freqtrade strategy gets for free: the stoploss and the ROI table. Profit is
 * computed in decimal from fixed-point prices, so a table row like "exit above 1 %" behaves exactly
 * at its boundary, and gross of fees (fees are booked by the portfolio, not known here).
 *
 * <p>The stoploss is checked first: a trade that is both past its stop and (impossibly) above its
 * ROI is closed as a stop, as Freqtrade does, because protecting capital beats booking a target.
 */
public final class ExitRules {

  private static final MathContext MC = MathContext.DECIMAL64;

  private final RoiTable roi;
  private final BigDecimal stoploss;

  /** @param stoploss a negative profit ratio, e.g. -0.02 closes a trade that lost 2 % or more */
  public ExitRules(RoiTable roi, BigDecimal stoploss) {
    this.roi = roi;
    this.stoploss = stoploss;
  }

  /** The exit this trade has earned at {@code currentPrice}, or {@link ExitReason#NONE}. */
  public ExitReason check(TradeSide side, BigDecimal entryPrice, BigDecimal currentPrice, long minutesOpen) {
    BigDecimal profit = profitRatio(side, entryPrice, currentPrice);
    if (profit.compareTo(stoploss) <= 0) {
      return ExitReason.STOP_LOSS;
    }
    if (roi.reached(profit, minutesOpen)) {
      return ExitReason.ROI;
    }
    return ExitReason.NONE;
  }

  /** Long: current / entry - 1. Short: 1 - current / entry (a falling price is profit). */
  public static BigDecimal profitRatio(TradeSide side, BigDecimal entryPrice, BigDecimal currentPrice) {
    if (entryPrice.signum() <= 0) {
      throw new IllegalArgumentException("entry price must be positive, got " + entryPrice);
    }
    BigDecimal relative = currentPrice.divide(entryPrice, MC);
    return side == TradeSide.LONG ? relative.subtract(BigDecimal.ONE, MC) : BigDecimal.ONE.subtract(relative, MC);
  }
}
