package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Freqtrade's {@code calc_profit_ratio}: the profit of a trade at a price, net of the entry and
 * exit fee, as a ratio of what the entry cost. Long: (rate × (1 - fee)) / (open × (1 + fee)) - 1.
 * Short: 1 - (rate × (1 + fee)) / (open × (1 - fee)). Rounded to 8 decimals like Freqtrade, so
 * a ROI row behaves exactly at its boundary.
 */
public final class ProfitRatio {

  private static final MathContext MC = MathContext.DECIMAL64;

  private ProfitRatio() {
  }

  /** @param fee fee ratio charged on each side, e.g. 0.001 */
  public static BigDecimal of(TradeSide side, BigDecimal openRate, BigDecimal rate, BigDecimal fee) {
    if (openRate.signum() <= 0) {
      throw new IllegalArgumentException("open rate must be positive, got " + openRate);
    }
    BigDecimal ratio;
    if (side == TradeSide.LONG) {
      BigDecimal open = openRate.multiply(BigDecimal.ONE.add(fee), MC);
      BigDecimal close = rate.multiply(BigDecimal.ONE.subtract(fee), MC);
      ratio = close.divide(open, MC).subtract(BigDecimal.ONE, MC);
    } else {
      BigDecimal open = openRate.multiply(BigDecimal.ONE.subtract(fee), MC);
      BigDecimal close = rate.multiply(BigDecimal.ONE.add(fee), MC);
      ratio = BigDecimal.ONE.subtract(close.divide(open, MC), MC);
    }
    return ratio.setScale(8, RoundingMode.HALF_EVEN);
  }
}
