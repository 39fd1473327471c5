package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.RejectCode;
import java.util.OptionalLong;

/**
 * A limit price must lie within the collar around the last mark. Without a mark there is nothing
 * to compare with, and the rule fails closed (STALE_REFERENCE) rather than let a blind price
 * through.
 */
public final class PriceCollarRule implements PreTradeRule {

  private final RiskLimits limits;

  public PriceCollarRule(RiskLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "price-collar";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (IntentMath.isCancel(intent) || intent.getType() != OrderType.LIMIT) {
      return CheckResult.APPROVED;
    }
    String symbol = intent.getInstrument().getSymbol();
    OptionalLong mark = view.mark(symbol);
    if (mark.isEmpty() || mark.getAsLong() <= 0) {
      return CheckResult.reject(RejectCode.STALE_REFERENCE, "no mark for " + symbol + " yet: the price collar cannot be checked");
    }
    long reference = mark.getAsLong();
    double distance = Math.abs(intent.getPrice() - reference) / (double) reference;
    if (distance > limits.collarFraction()) {
      return CheckResult.reject(RejectCode.PRICE_COLLAR, String.format(
          "limit %d is %.2f%% from the mark %d (collar %.2f%%)",
          intent.getPrice(), distance * 100, reference, limits.priceCollarPct()));
    }
    return CheckResult.APPROVED;
  }
}
