package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * The numbers the pre-trade rules enforce, in trader units. Conversions to an instrument's
 * fixed-point units happen here, once, so every rule compares {@code long}s.
 *
 * @param maxOrderNotionalMicros largest notional of one order, micros of quote currency
 * @param maxOrderQuantity       largest size of one order in base units (BTC), any instrument
 * @param priceCollarPct         largest distance of a limit price from the last mark, in percent
 * @param maxDrawdown            drawdown from peak equity (fraction) that halts trading
 */
public record RiskLimits(long maxOrderNotionalMicros, double maxOrderQuantity, double priceCollarPct, double maxDrawdown) {

  public RiskLimits {
    if (maxOrderNotionalMicros <= 0) {
      throw new IllegalArgumentException("maxOrderNotionalMicros must be positive, got " + maxOrderNotionalMicros);
    }
    if (!(maxOrderQuantity > 0) || !Double.isFinite(maxOrderQuantity)) {
      throw new IllegalArgumentException("maxOrderQuantity must be positive, got " + maxOrderQuantity);
    }
    if (!(priceCollarPct > 0) || !Double.isFinite(priceCollarPct)) {
      throw new IllegalArgumentException("priceCollarPct must be positive, got " + priceCollarPct);
    }
    if (!(maxDrawdown > 0) || maxDrawdown > 1) {
      throw new IllegalArgumentException("maxDrawdown must be in (0, 1], got " + maxDrawdown);
    }
  }

  /** The maximum order quantity in the instrument's size units (rounded half-even). */
  public long maxOrderQuantityUnits(Instrument instrument) {
    return FixedPoint.toUnits(maxOrderQuantity, instrument.getSizeScale());
  }

  /** The collar as a fraction of the mark. */
  public double collarFraction() {
    return priceCollarPct / 100.0;
  }
}
