package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * Margin: the account's open notional (every position at mark and every working order of the
 * snapshot, the asking strategy's approvals since, and this order) must stay within equity times
 * {@code risk.maxLeverage}. Equity, not cash: cash already paid for a long would count the long
 * twice. Only risk-increasing orders are checked; without positive equity nothing new opens.
 */
public final class BalanceRule implements PreTradeRule {

  private final RiskLimits limits;

  public BalanceRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "balance";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent) || IntentMath.riskReducing(intent, view)) {
      return CheckResult.APPROVED;
    }
    long equity = view.equityMicros();
    if (equity <= 0) {
      return CheckResult.reject(RejectCode.INSUFFICIENT_BALANCE,
          String.format("equity is %.2f: no new exposure without a positive balance", FixedPoint.microsToDouble(equity)));
    }
    double capacity = equity * limits.maxLeverage();
    long open = view.accountExposureMicros(intent.getStrategyId());
    double after = (double) open + IntentMath.notionalMicros(intent, intent.getQuantity());
    if (after > capacity) {
      return CheckResult.reject(RejectCode.INSUFFICIENT_BALANCE, String.format(
          "open notional would be %.2f, above equity %.2f x leverage %s = %.2f (now %.2f)",
          after / FixedPoint.MICROS, FixedPoint.microsToDouble(equity), limits.maxLeverage(), capacity / FixedPoint.MICROS,
          FixedPoint.microsToDouble(open)));
    }
    return CheckResult.APPROVED;
  }
}
