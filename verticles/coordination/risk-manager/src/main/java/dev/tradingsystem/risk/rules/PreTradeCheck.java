package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-trade pipeline: rules in order, the first rejection wins. The standard order puts the
 * cheap shape checks first and the limits that need the portfolio last; further rules (VaR,
 * throttles) are appended with {@link #with(PreTradeRule)}.
 */
public final class PreTradeCheck {

  private final List<PreTradeRule> rules;

  public PreTradeCheck(List<PreTradeRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Shape, trading state, duplicate, order size, price collar, strategy exposure. */
  public static PreTradeCheck standard(RiskLimits limits) {
    return new PreTradeCheck(List.of(
        new IntentShapeRule(),
        new TradingStateRule(),
        new DuplicateIntentRule(),
        new OrderSizeRule(limits),
        new PriceCollarRule(limits),
        new StrategyExposureRule()));
  }

  /** A pipeline with one more rule at the end. */
  public PreTradeCheck with(PreTradeRule rule) {
    List<PreTradeRule> extended = new ArrayList<>(rules);
    extended.add(rule);
    return new PreTradeCheck(extended);
  }

  public List<PreTradeRule> rules() {
    return rules;
  }

  /** Runs the rules in order and returns the first rejection, or approval. */
  public CheckResult evaluate(OrderIntent intent, RiskView view) {
    for (PreTradeRule rule : rules) {
      CheckResult result = rule.check(intent, view);
      if (!result.approved()) {
        return result;
      }
    }
    return CheckResult.APPROVED;
  }
}
