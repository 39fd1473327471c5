package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;

/**
 * Per-strategy message rates on the event clock ({@code risk.throttle.*}): a new order needs a
 * token of the order bucket (RATE_LIMITED 304), a cancel one of the cancel bucket
 * (CANCEL_RATE_LIMITED 306). The time is the intent's event time, so a replay throttles the same
 * way at any speed. The rule only looks; the engine takes the token when it approves.
 */
public final class ThrottleRule implements PreTradeRule {

  private final RiskLimits limits;

  public ThrottleRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "throttle";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    boolean cancel = IntentMath.isCancel(intent);
    double rate = cancel ? limits.throttle().cancelsPerSecond() : limits.throttle().ordersPerSecond();
    if (rate <= 0 || view.throttleTokens(intent.getStrategyId(), cancel, intent.getMeta().getEventTimeUs()) >= 1) {
      return CheckResult.APPROVED;
    }
    return CheckResult.reject(cancel ? RejectCode.CANCEL_RATE_LIMITED : RejectCode.RATE_LIMITED, String.format(
        "%s sent more than %s %s per second (burst %s)", intent.getStrategyId(), rate, cancel ? "cancels" : "new orders",
        limits.throttle().burst()));
  }
}
