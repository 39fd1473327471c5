package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * Limits keyed by one symbol, each 0 when not set. Sizes are in base units (BTC), money in micros
 * of quote currency.
 *
 * @param maxSize               instrument limit: largest single order (INSTRUMENT_LIMIT 107)
 * @param minNotionalMicros     instrument limit: smallest single order notional (107)
 * @param maxNotionalMicros     instrument limit: largest single order notional (107)
 * @param maxQuantity           all strategies together: largest projected net position (SYMBOL_LIMIT 207)
 * @param maxSymbolNotionalMicros all strategies together: largest projected net notional (207)
 * @param maxPosition           per strategy: overrides {@code risk.maxPosition} for this symbol (POSITION_LIMIT 203)
 */
public record SymbolLimits(double maxSize, long minNotionalMicros, long maxNotionalMicros, double maxQuantity,
                           long maxSymbolNotionalMicros, double maxPosition) {

  public static final SymbolLimits NONE = new SymbolLimits(0, 0, 0, 0, 0, 0);

  public SymbolLimits {
    if (maxSize < 0 || minNotionalMicros < 0 || maxNotionalMicros < 0 || maxQuantity < 0
        || maxSymbolNotionalMicros < 0 || maxPosition < 0) {
      throw new IllegalArgumentException("symbol limits must be 0 (none) or positive");
    }
    if (maxNotionalMicros > 0 && minNotionalMicros > maxNotionalMicros) {
      throw new IllegalArgumentException("minNotional must not exceed maxNotional");
    }
  }

  /** A size in base units as the instrument's size units; 0 stays 0 (not set). */
  public static long units(double baseUnits, Instrument instrument) {
    return baseUnits <= 0 ? 0 : FixedPoint.toUnits(baseUnits, instrument.getSizeScale());
  }
}
