package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.TradingState;

/**
 * The kill switch as seen by an order: ACTIVE lets everything through, REDUCING only cancels, reduce-only
 * orders and orders that reduce the strategy's own position, HALTED only cancels. An unknown state is
 * treated as HALTED: the gate fails closed.
 */
public final class TradingStateRule implements PreTradeRule {

  @Override
  public String name() {
    return "trading-state";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent)) {
      return CheckResult.APPROVED;
    }
    TradingState state = view.tradingState();
    if (state == TradingState.ACTIVE) {
      return CheckResult.APPROVED;
    }
    if (state == TradingState.REDUCING) {
      return IntentMath.riskReducing(intent, view)
          ? CheckResult.APPROVED
          : CheckResult.reject(RejectCode.REDUCE_ONLY_STATE,
              "trading is REDUCING: only orders that reduce the position of " + intent.getStrategyId() + " pass");
    }
    return CheckResult.reject(RejectCode.TRADING_HALTED, "trading is HALTED: only cancels pass");
  }
}
