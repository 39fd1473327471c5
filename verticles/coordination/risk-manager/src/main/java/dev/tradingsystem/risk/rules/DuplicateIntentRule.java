package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;

/**
 * One approval per intent id: a redelivered intent (retry, Kafka redelivery) must not place a
 * second order. Rejected intents are not remembered, so a framework may ask again.
 */
public final class DuplicateIntentRule implements PreTradeRule {

  @Override
  public String name() {
    return "duplicate-intent";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    return view.alreadyApproved(intent.getIntentId())
        ? CheckResult.reject(RejectCode.DUPLICATE_INTENT, "intent " + intent.getIntentId() + " was already approved")
        : CheckResult.APPROVED;
  }
}
