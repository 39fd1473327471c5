package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * The instrument's own limits on one order ({@code risk.instruments.<symbol>.*}): largest size,
 * smallest and largest notional. Like a venue's filters they apply to reducing orders too; a
 * symbol without limits passes.
 */
public final class InstrumentLimitRule implements PreTradeRule {

  private final RiskLimits limits;

  public InstrumentLimitRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "instrument-limit";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent)) {
      return CheckResult.APPROVED;
    }
    String symbol = intent.getInstrument().getSymbol();
    SymbolLimits instrument = limits.symbol(symbol);
    long maxSize = SymbolLimits.units(instrument.maxSize(), intent.getInstrument());
    if (maxSize > 0 && intent.getQuantity() > maxSize) {
      return CheckResult.reject(RejectCode.INSTRUMENT_LIMIT, String.format("%s order size %s exceeds the instrument maximum %s",
          symbol, FixedPoint.toDouble(intent.getQuantity(), intent.getInstrument().getSizeScale()), instrument.maxSize()));
    }
    long notional = IntentMath.notionalMicros(intent, intent.getQuantity());
    if (instrument.minNotionalMicros() > 0 && notional < instrument.minNotionalMicros()) {
      return CheckResult.reject(RejectCode.INSTRUMENT_LIMIT, String.format("%s order notional %.2f is below the instrument minimum %.2f",
          symbol, FixedPoint.microsToDouble(notional), FixedPoint.microsToDouble(instrument.minNotionalMicros())));
    }
    if (instrument.maxNotionalMicros() > 0 && notional > instrument.maxNotionalMicros()) {
      return CheckResult.reject(RejectCode.INSTRUMENT_LIMIT, String.format("%s order notional %.2f exceeds the instrument maximum %.2f",
          symbol, FixedPoint.microsToDouble(notional), FixedPoint.microsToDouble(instrument.maxNotionalMicros())));
    }
    return CheckResult.APPROVED;
  }
}
