package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * The symbol's cap over all strategies ({@code risk.symbols.<symbol>.maxQuantity / maxNotional}):
 * the net position of every strategy, plus every working order on the order's side, plus this
 * order, must stay within the cap in the order's direction. An order that moves the net position
 * towards zero can never break it, so exits always pass. Other strategies count as of the
 * snapshot; only the asking strategy's own approvals since are added.
 */
public final class SymbolCapRule implements PreTradeRule {

  private final RiskLimits limits;

  public SymbolCapRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "symbol-cap";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent)) {
      return CheckResult.APPROVED;
    }
    String symbol = intent.getInstrument().getSymbol();
    SymbolLimits caps = limits.symbol(symbol);
    long maxQuantity = SymbolLimits.units(caps.maxQuantity(), intent.getInstrument());
    if (maxQuantity == 0 && caps.maxSymbolNotionalMicros() == 0) {
      return CheckResult.APPROVED;
    }
    long projected = IntentMath.projectedInDirection(intent, view.symbolPosition(symbol),
        view.symbolWorkingQuantity(intent.getStrategyId(), symbol, intent.getSide()));
    if (projected <= 0) {
      return CheckResult.APPROVED;
    }
    int sizeScale = intent.getInstrument().getSizeScale();
    if (maxQuantity > 0 && projected > maxQuantity) {
      return CheckResult.reject(RejectCode.SYMBOL_LIMIT, String.format(
          "%s %s would reach %s over all strategies (positions, working orders and this order), above the symbol cap %s",
          symbol, intent.getSide(), FixedPoint.toDouble(projected, sizeScale), caps.maxQuantity()));
    }
    long notional = IntentMath.notionalMicros(intent, projected);
    if (caps.maxSymbolNotionalMicros() > 0 && notional > caps.maxSymbolNotionalMicros()) {
      return CheckResult.reject(RejectCode.SYMBOL_LIMIT, String.format(
          "%s %s would reach %.2f notional over all strategies, above the symbol cap %.2f",
          symbol, intent.getSide(), FixedPoint.microsToDouble(notional), FixedPoint.microsToDouble(caps.maxSymbolNotionalMicros())));
    }
    return CheckResult.APPROVED;
  }
}
