package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.Map;
import java.util.Set;

/**
 * The numbers the pre-trade rules enforce, in trader units. Conversions to an instrument's
 * fixed-point units happen here, once, so every rule compares {@code long}s. A limit of 0 is
 * "not set" wherever a field says so.
 *
 * @param maxOrderNotionalMicros largest notional of one order, micros of quote currency
 * @param maxOrderQuantity       largest size of one order in base units (BTC), any instrument
 * @param priceCollarPct         largest distance of an order's price from the reference, in percent
 * @param maxDrawdown            drawdown from peak equity (fraction) that halts trading
 * @param referenceMaxAgeUs      oldest reference (event time before the intent's) the collar accepts
 * @param maxPosition            per strategy and symbol, largest absolute position in base units
 *                               including working orders on the order's side; 0 = none
 * @param maxLeverage            open notional of the account may reach equity times this
 * @param restrictedSymbols      symbols on which nothing new may open (BASE/QUOTE)
 * @param symbols                per-symbol limits by symbol (BASE/QUOTE)
 * @param throttle               per-strategy order and cancel rates
 */
public record RiskLimits(long maxOrderNotionalMicros, double maxOrderQuantity, double priceCollarPct, double maxDrawdown,
                         long referenceMaxAgeUs, double maxPosition, double maxLeverage, Set<String> restrictedSymbols,
                         Map<String, SymbolLimits> symbols, ThrottleLimits throttle) {

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
    if (referenceMaxAgeUs <= 0) {
      throw new IllegalArgumentException("referenceMaxAgeUs must be positive, got " + referenceMaxAgeUs);
    }
    if (!(maxPosition >= 0) || !Double.isFinite(maxPosition)) {
      throw new IllegalArgumentException("maxPosition must be 0 (none) or positive, got " + maxPosition);
    }
    if (!(maxLeverage > 0) || !Double.isFinite(maxLeverage)) {
      throw new IllegalArgumentException("maxLeverage must be positive, got " + maxLeverage);
    }
    restrictedSymbols = Set.copyOf(restrictedSymbols);
    symbols = Map.copyOf(symbols);
    if (throttle == null) {
      throw new IllegalArgumentException("throttle is required");
    }
  }

  /** The maximum order quantity in the instrument's size units (rounded half-even). */
  public long maxOrderQuantityUnits(Instrument instrument) {
    return FixedPoint.toUnits(maxOrderQuantity, instrument.getSizeScale());
  }

  /** The collar as a fraction of the reference. */
  public double collarFraction() {
    return priceCollarPct / 100.0;
  }

  /** The limits of one symbol, or {@link SymbolLimits#NONE}. */
  public SymbolLimits symbol(String symbol) {
    return symbols.getOrDefault(symbol, SymbolLimits.NONE);
  }

  /** The strategy position limit for a symbol in base units: the symbol's override, else the global one; 0 = none. */
  public double maxPositionFor(String symbol) {
    double override = symbol(symbol).maxPosition();
    return override > 0 ? override : maxPosition;
  }

  /** Copy with other per-symbol limits (tests and tools). */
  public RiskLimits withSymbols(Map<String, SymbolLimits> bySymbol) {
    return new RiskLimits(maxOrderNotionalMicros, maxOrderQuantity, priceCollarPct, maxDrawdown, referenceMaxAgeUs,
        maxPosition, maxLeverage, restrictedSymbols, bySymbol, throttle);
  }
}
