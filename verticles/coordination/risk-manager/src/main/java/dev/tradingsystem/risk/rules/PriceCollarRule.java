package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.RejectCode;
import java.util.Optional;

/**
 * An order's price must lie within the collar around a fresh reference: the quote or book mid,
 * else the last trade. A limit order's price is its limit; a market order's price is the
 * reference price the framework decided on, so a market order decided on a price the market has
 * left is refused too. Without a reference, or with one older than {@code risk.referenceMaxAgeMs}
 * of event time, the rule fails closed (STALE_REFERENCE) rather than let a blind price through.
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
    if (IntentMath.isCancel(intent)) {
      return CheckResult.APPROVED;
    }
    String symbol = intent.getInstrument().getSymbol();
    long now = intent.getMeta().getEventTimeUs();
    Optional<Reference> found = view.reference(symbol, now, limits.referenceMaxAgeUs());
    if (found.isEmpty() || found.get().price() <= 0) {
      return CheckResult.reject(RejectCode.STALE_REFERENCE, "no reference price for " + symbol + " yet: the price collar cannot be checked");
    }
    Reference reference = found.get();
    if (reference.ageUs(now) > limits.referenceMaxAgeUs()) {
      return CheckResult.reject(RejectCode.STALE_REFERENCE, String.format(
          "the %s reference of %s is %d ms old, more than %d ms: the price collar cannot be checked",
          reference.source(), symbol, reference.ageUs(now) / 1_000, limits.referenceMaxAgeUs() / 1_000));
    }
    long price = intent.getType() == OrderType.LIMIT ? intent.getPrice() : intent.getReferencePrice();
    double distance = Math.abs(price - reference.price()) / (double) reference.price();
    if (distance > limits.collarFraction()) {
      return CheckResult.reject(RejectCode.PRICE_COLLAR, String.format(
          "%s price %d is %.2f%% from the %s reference %d (collar %.2f%%)",
          intent.getType(), price, distance * 100, reference.source(), reference.price(), limits.priceCollarPct()));
    }
    return CheckResult.APPROVED;
  }
}
