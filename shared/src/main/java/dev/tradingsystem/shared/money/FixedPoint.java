package dev.tradingsystem.shared.money;

import dev.tradingsystem.proto.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Conversions on the order path. Prices and sizes are {@code long} units of an instrument's
 * scale; money is {@code long} micros of the quote currency. Doubles appear only where a model
 * hands a number over, and are rounded once, here.
 */
public final class FixedPoint {

  /** Money is kept in micros (10^-6) of the quote currency. */
  public static final int MONEY_SCALE = 6;
  public static final long MICROS = 1_000_000L;

  private FixedPoint() {
  }

  public static double toDouble(long units, int scale) {
    return BigDecimal.valueOf(units, scale).doubleValue();
  }

  /** Rounds half-even to the scale; fails on NaN, infinity or overflow. */
  public static long toUnits(double value, int scale) {
    if (!Double.isFinite(value)) {
      throw new ArithmeticException("not a finite number: " + value);
    }
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
  }

  /** Parses a decimal string exactly; rejects more decimals than the scale allows. */
  public static long parseUnits(String text, int scale) {
    BigDecimal value = new BigDecimal(text.trim());
    return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }

  /** price × size in micros of the quote currency, rounded half-even. */
  public static long notionalMicros(long price, long size, Instrument instrument) {
    long product;
    try {
      product = Math.multiplyExact(price, size);
    } catch (ArithmeticException overflow) {
      return BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(size))
          .movePointLeft(instrument.getPriceScale() + instrument.getSizeScale() - MONEY_SCALE)
          .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
    int shift = instrument.getPriceScale() + instrument.getSizeScale() - MONEY_SCALE;
    return shift <= 0
        ? Math.multiplyExact(product, pow10(-shift))
        : BigDecimal.valueOf(product).movePointLeft(shift).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** A fee of {@code bps} basis points on a notional, rounded half-even to a micro. */
  public static long feeMicros(long notionalMicros, double bps) {
    return BigDecimal.valueOf(Math.abs(notionalMicros)).multiply(BigDecimal.valueOf(bps))
        .movePointLeft(4).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  public static double microsToDouble(long micros) {
    return micros / (double) MICROS;
  }

  /** Rounds a price down (buy) or up (sell) to the instrument's tick. */
  public static long roundToTick(long price, Instrument instrument, boolean down) {
    long tick = Math.max(1, instrument.getTickSize());
    long floor = Math.floorDiv(price, tick) * tick;
    return down || floor == price ? floor : floor + tick;
  }

  /** Rounds a size down to the instrument's lot. */
  public static long roundToLot(long size, Instrument instrument) {
    long lot = Math.max(1, instrument.getLotSize());
    return Math.floorDiv(size, lot) * lot;
  }

  public static long pow10(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, 10L);
    }
    return result;
  }
}
