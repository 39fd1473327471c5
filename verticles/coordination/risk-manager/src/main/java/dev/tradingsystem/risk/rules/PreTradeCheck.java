package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-trade pipeline: rules in order, the first rejection wins. The standard order puts the
 * cheap shape checks first and the limits that need the portfolio last; further rules are appended with {@link #with(PreTradeRule)}.
 */
public final class PreTradeCheck {

  private final List<PreTradeRule> rules;

  public PreTradeCheck(List<PreTradeRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Shape (1xx), trading state (301/302), restricted symbol (305), duplicate (303), throttles
   * (304/306), order size (201/202), instrument limits (107), price collar and reference (205/206),
   * position limit (203), strategy budget (204), symbol cap (207), balance (208).
   */
  public static PreTradeCheck standard(RiskLimits limits) {
    return new PreTradeCheck(List.of(
        new IntentShapeRule(),
        new TradingStateRule(),
        new RestrictedSymbolRule(limits),
        new DuplicateIntentRule(),
        new ThrottleRule(limits),
        new OrderSizeRule(limits),
        new InstrumentLimitRule(limits),
        new PriceCollarRule(limits),
        new PositionLimitRule(limits),
        new StrategyExposureRule(),
        new SymbolCapRule(limits),
        new BalanceRule(limits)));
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
