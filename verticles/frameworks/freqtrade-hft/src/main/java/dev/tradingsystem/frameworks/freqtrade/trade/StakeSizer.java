package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Freqtrade's {@code stake_amount}: every trade commits the same amount of quote currency, so the
 * quantity is stake / price, rounded down to the instrument's lot (never over-spending the stake).
 */
public final class StakeSizer {

  private final long stakeMicros;

  /** @param stakeAmount quote currency per trade, e.g. 1000 (USD) */
  public StakeSizer(BigDecimal stakeAmount) {
    if (stakeAmount.signum() <= 0) {
      throw new IllegalArgumentException("stake must be positive, got " + stakeAmount);
    }
    this.stakeMicros = stakeAmount.movePointRight(FixedPoint.MONEY_SCALE).setScale(0, RoundingMode.DOWN).longValueExact();
  }

  /** Quantity in size units for a price in price units; 0 when the stake buys less than the minimum size. */
  public long quantity(long priceUnits, Instrument instrument) {
    if (priceUnits <= 0) {
      return 0;
    }
    BigDecimal size = BigDecimal.valueOf(stakeMicros)
        .movePointRight(instrument.getSizeScale() + instrument.getPriceScale() - FixedPoint.MONEY_SCALE)
        .divide(BigDecimal.valueOf(priceUnits), 0, RoundingMode.DOWN);
    long lots = FixedPoint.roundToLot(size.longValueExact(), instrument);
    return lots < Math.max(1, instrument.getMinSize()) ? 0 : lots;
  }

  public long stakeMicros() {
    return stakeMicros;
  }
}
