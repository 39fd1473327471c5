package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;

/**
 * Nothing new on a symbol of {@code risk.restrictedSymbols} (a compliance or event block).
 * Cancels and risk-reducing orders (reduce-only, or reducing the strategy's position) pass, so a
 * strategy can always leave a restricted name.
 */
public final class RestrictedSymbolRule implements PreTradeRule {

  private final RiskLimits limits;

  public RestrictedSymbolRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "restricted-symbol";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    String symbol = intent.getInstrument().getSymbol();
    if (IntentMath.isCancel(intent) || !limits.restrictedSymbols().contains(symbol) || IntentMath.riskReducing(intent, view)) {
      return CheckResult.APPROVED;
    }
    return CheckResult.reject(RejectCode.RESTRICTED_SYMBOL,
        symbol + " is restricted: only cancels and reduce-only orders pass");
  }
}
