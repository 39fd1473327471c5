package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * Fat-finger limits on a single new order: its size in base units and its notional in quote
 * currency. They apply to risk-reducing orders too: a reducing order can still be a typo.
 */
public final class OrderSizeRule implements PreTradeRule {

  private final RiskLimits limits;

  public OrderSizeRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "order-size";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent)) {
      return CheckResult.APPROVED;
    }
    long maxQuantity = limits.maxOrderQuantityUnits(intent.getInstrument());
    if (intent.getQuantity() > maxQuantity) {
      return CheckResult.reject(RejectCode.MAX_ORDER_QUANTITY, String.format(
          "quantity %s exceeds the per-order maximum %s",
          FixedPoint.toDouble(intent.getQuantity(), intent.getInstrument().getSizeScale()), limits.maxOrderQuantity()));
    }
    long notional;
    try {
      notional = IntentMath.notionalMicros(intent);
    } catch (ArithmeticException overflow) {
      return CheckResult.reject(RejectCode.MAX_ORDER_NOTIONAL, "notional does not fit in a long: price or size is absurd");
    }
    if (notional > limits.maxOrderNotionalMicros()) {
      return CheckResult.reject(RejectCode.MAX_ORDER_NOTIONAL, String.format(
          "notional %.2f exceeds the per-order maximum %.2f",
          FixedPoint.microsToDouble(notional), FixedPoint.microsToDouble(limits.maxOrderNotionalMicros())));
    }
    return CheckResult.APPROVED;
  }
}
