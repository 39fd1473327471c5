package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns a stake into an order quantity: stake / price, rounded down to the instrument's lot (never
 * over-spending the stake); 0 when that is below the instrument's minimum size.
 */
public final class StakeSizer {

  private StakeSizer() {
  }

  /** @param stake quote currency, @param priceUnits price in the instrument's price units */
  public static long quantity(BigDecimal stake, long priceUnits, Instrument instrument) {
    if (priceUnits <= 0 || stake.signum() <= 0) {
      return 0;
    }
    BigDecimal size = stake.movePointRight(instrument.getSizeScale() + instrument.getPriceScale())
        .divide(BigDecimal.valueOf(priceUnits), 0, RoundingMode.DOWN);
    long lots = FixedPoint.roundToLot(size.longValueExact(), instrument);
    return lots < Math.max(1, instrument.getMinSize()) ? 0 : lots;
  }
}
