package dev.tradingsystem.app.backtest.performance;

/**
 * One fill as the market-making numbers read it, converted from the execution's fixed point.
 *
 * @param seq sequence number of the market event that filled the order
 * @param timeUs its event time
 * @param pair the symbol
 * @param buy side of the fill
 * @param maker true when the order rested on the book (maker), false when it took liquidity
 * @param price fill price, quote currency per base unit
 * @param quantity filled size, base units (positive)
 * @param fee fee charged, quote currency
 */
public record LiquidityFill(long seq, long timeUs, String pair, boolean buy, boolean maker, double price,
    double quantity, double fee) {

  /** +1 for a buy, -1 for a sell: the sign that turns a price move into this fill's profit. */
  public int sign() {
    return buy ? 1 : -1;
  }

  /** Price × quantity, quote currency. */
  public double notional() {
    return price * quantity;
  }
}
