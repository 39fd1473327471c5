package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;

/**
 * Checks on a stream of best bid/ask quotes: the bid must be below the ask, update ids must
 * increase (equal is a duplicate, lower out of order), and the mid must not jump further than
 * allowed from the last accepted one. Single-threaded.
 */
final class QuoteGuard {

  private final double maxPriceJump;
  private long lastUpdateId = Long.MIN_VALUE;
  private long lastMid;

  QuoteGuard(double maxPriceJump) {
    this.maxPriceJump = maxPriceJump;
  }

  void admit(long updateId, long bid, long ask) throws Refusal {
    if (bid >= ask) {
      throw new Refusal(RejectReason.CROSSED_QUOTE, "bid " + bid + " >= ask " + ask);
    }
    if (updateId == lastUpdateId) {
      throw new Refusal(RejectReason.DUPLICATE, "update id " + updateId + " already accepted");
    }
    if (updateId < lastUpdateId) {
      throw new Refusal(RejectReason.OUT_OF_ORDER, "update id " + updateId + " after " + lastUpdateId);
    }
    long mid = bid + (ask - bid) / 2;
    PriceJump.check(mid, lastMid, maxPriceJump);
    lastUpdateId = updateId;
    lastMid = mid;
  }
}
