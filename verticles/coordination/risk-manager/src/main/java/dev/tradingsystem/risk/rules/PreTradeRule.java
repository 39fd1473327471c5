package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;

/**
 * One pre-trade rule. Rules are pure: they read the intent and the {@link RiskView} and change
 * nothing, so the order in which strategies ask cannot change a verdict.
 */
public interface PreTradeRule {

  /** A short name for logs and reports. */
  String name();

  /** {@link CheckResult#APPROVED} or the rejection this rule is responsible for. */
  CheckResult check(OrderIntent intent, RiskView view);
}
