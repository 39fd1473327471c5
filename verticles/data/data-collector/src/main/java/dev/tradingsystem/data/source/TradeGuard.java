package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;

/**
 * The stateful checks on a stream of parsed trades, shared by every trade reader: a trade id seen
 * before is a duplicate, a step back in time is out of order, a price further than the allowed
 * jump from the last accepted one is absurd. Only accepted trades move the references, so one bad
 * record cannot poison the checks of the next. Single-threaded.
 */
final class TradeGuard {

  private final double maxPriceJump;
  private final RecentIds ids = new RecentIds(RecentIds.DEFAULT_WINDOW);
  private long lastTimeUs = Long.MIN_VALUE;
  private long lastPrice;

  TradeGuard(double maxPriceJump) {
    this.maxPriceJump = maxPriceJump;
  }

  /** Checks a trade and, when it passes, records it as the new reference. */
  void admit(long timeUs, long price, String tradeId) throws Refusal {
    if (!tradeId.isEmpty() && ids.contains(tradeId)) {
      throw new Refusal(RejectReason.DUPLICATE, "trade id " + tradeId + " already accepted");
    }
    if (timeUs < lastTimeUs) {
      throw new Refusal(RejectReason.OUT_OF_ORDER, "time " + timeUs + " us before last accepted " + lastTimeUs + " us");
    }
    PriceJump.check(price, lastPrice, maxPriceJump);
    if (!tradeId.isEmpty()) {
      ids.add(tradeId);
    }
    lastTimeUs = timeUs;
    lastPrice = price;
  }
}
