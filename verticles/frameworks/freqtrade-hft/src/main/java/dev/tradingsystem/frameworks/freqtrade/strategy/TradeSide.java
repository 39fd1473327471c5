package dev.tradingsystem.frameworks.freqtrade.strategy;

import dev.tradingsystem.proto.Side;

/** Direction of a trade: a long is opened by buying, a short by selling. */
public enum TradeSide {
  LONG,
  SHORT;

  /** The order side that opens a trade in this direction. */
  public Side entrySide() {
    return this == LONG ? Side.BUY : Side.SELL;
  }

  /** The order side that closes a trade in this direction. */
  public Side exitSide() {
    return this == LONG ? Side.SELL : Side.BUY;
  }

  /** The direction of a signed position; null when flat. */
  public static TradeSide ofPosition(long signedQuantity) {
    if (signedQuantity == 0) {
      return null;
    }
    return signedQuantity > 0 ? LONG : SHORT;
  }
}
