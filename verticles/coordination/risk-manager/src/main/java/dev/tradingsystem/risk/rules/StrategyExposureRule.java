package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.OptionalLong;

/**
 * A strategy's gross open notional (positions at mark, working orders, its own approvals since
 * the snapshot, plus this order) must stay within its allocation. Orders that reduce the
 * strategy's position are exempt: refusing them would trap a strategy that is over its budget.
 */
public final class StrategyExposureRule implements PreTradeRule {

  @Override
  public String name() {
    return "strategy-exposure";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent) || IntentMath.riskReducing(intent, view)) {
      return CheckResult.APPROVED;
    }
    OptionalLong budget = view.budgetMicros(intent.getStrategyId());
    if (budget.isEmpty()) {
      return CheckResult.reject(RejectCode.STRATEGY_BUDGET,
          "no allocation for " + intent.getStrategyId() + " and no '*' allocation in the portfolio state");
    }
    long exposure = view.grossExposureMicros(intent.getStrategyId());
    long after = exposure + IntentMath.notionalMicros(intent);
    if (after > budget.getAsLong()) {
      return CheckResult.reject(RejectCode.STRATEGY_BUDGET, String.format(
          "gross exposure of %s would be %.2f, above its allocation of %.2f (now %.2f)",
          intent.getStrategyId(), FixedPoint.microsToDouble(after), FixedPoint.microsToDouble(budget.getAsLong()),
          FixedPoint.microsToDouble(exposure)));
    }
    return CheckResult.APPROVED;
  }
}
