package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * A strategy's position in a symbol, in base units ({@code risk.maxPosition}, overridden per
 * symbol by {@code risk.symbols.<symbol>.maxPosition}): position plus its working orders on the
 * order's side plus this order must stay within the limit in the order's direction. Base units
 * rather than notional because a position limit should not loosen when the price falls; the
 * notional side is the strategy budget (204) and the symbol cap (207).
 */
public final class PositionLimitRule implements PreTradeRule {

  private final RiskLimits limits;

  public PositionLimitRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "position-limit";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent)) {
      return CheckResult.APPROVED;
    }
    String symbol = intent.getInstrument().getSymbol();
    double limit = limits.maxPositionFor(symbol);
    long maxUnits = SymbolLimits.units(limit, intent.getInstrument());
    if (maxUnits == 0) {
      return CheckResult.APPROVED;
    }
    long projected = IntentMath.projectedInDirection(intent, view.position(intent.getStrategyId(), symbol),
        view.workingQuantity(intent.getStrategyId(), symbol, intent.getSide()));
    if (projected > maxUnits) {
      return CheckResult.reject(RejectCode.POSITION_LIMIT, String.format(
          "%s position of %s would reach %s %s with working orders, above the limit %s",
          symbol, intent.getStrategyId(), intent.getSide() == Side.BUY ? "long" : "short",
          FixedPoint.toDouble(projected, intent.getInstrument().getSizeScale()), limit));
    }
    return CheckResult.APPROVED;
  }
}
