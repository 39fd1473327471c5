package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;

/** The absurd-price rule: a price more than the allowed fraction away from the last accepted one. */
final class PriceJump {

  private PriceJump() {
  }

  /** @param last the last accepted price, or 0 when there is none yet */
  static void check(long price, long last, double maxJump) throws Refusal {
    if (last > 0 && Math.abs(price - last) > maxJump * last) {
      throw new Refusal(RejectReason.ABSURD_PRICE, "price " + price + " units vs last accepted " + last);
    }
  }
}
