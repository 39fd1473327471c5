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

  /** Freqtrade's spelling ({@code long}, {@code short}), as in lock sides and logs. */
  public String label() {
    return this == LONG ? "long" : "short";
  }

  /** +1 for a long, -1 for a short: the sign a price move has on the trade's profit. */
  public int sign() {
    return this == LONG ? 1 : -1;
  }

  /** The direction of a signed position; null when flat. */
  public static TradeSide ofPosition(long signedQuantity) {
    if (signedQuantity == 0) {
      return null;
    }
    return signedQuantity > 0 ? LONG : SHORT;
  }
}
