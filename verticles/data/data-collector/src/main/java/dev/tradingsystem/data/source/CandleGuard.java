package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;

/**
 * Checks on a stream of candles: high and low must bound open and close, open times must increase
 * (equal is a duplicate, earlier out of order), and the close must not jump further than allowed
 * from the last accepted close. Single-threaded.
 */
final class CandleGuard {

  private final double maxPriceJump;
  private long lastOpenTimeUs = Long.MIN_VALUE;
  private long lastClose;

  CandleGuard(double maxPriceJump) {
    this.maxPriceJump = maxPriceJump;
  }

  void admit(long openTimeUs, long open, long high, long low, long close) throws Refusal {
    if (high < Math.max(Math.max(open, close), low) || low > Math.min(open, close)) {
      throw new Refusal(RejectReason.INCONSISTENT_CANDLE, "o=" + open + " h=" + high + " l=" + low + " c=" + close);
    }
    if (openTimeUs == lastOpenTimeUs) {
      throw new Refusal(RejectReason.DUPLICATE, "candle opening at " + openTimeUs + " us already accepted");
    }
    if (openTimeUs < lastOpenTimeUs) {
      throw new Refusal(RejectReason.OUT_OF_ORDER, "open time " + openTimeUs + " us before last " + lastOpenTimeUs + " us");
    }
    PriceJump.check(close, lastClose, maxPriceJump);
    lastOpenTimeUs = openTimeUs;
    lastClose = close;
  }
}
