package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;

/**
 * An accepted order as the exchange sees it: immutable facts only, no fill state.
 *
 * @param orderId {@code "o-" + intentId}
 * @param price limit price in price units; ignored for market orders
 * @param quantity size units, positive
 * @param placedSeq market event sequence at which the order was placed: it may fill only on
 *     trades with a greater seq, and it orders the queue among equal prices
 */
public record OrderTicket(
    String orderId,
    String intentId,
    String strategyId,
    Instrument instrument,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    long price,
    long quantity,
    long placedSeq) {

  public String symbol() {
    return instrument.getSymbol();
  }

  public boolean isBuy() {
    return side == Side.BUY;
  }

  /** True for orders that never rest: they meet the first eligible trade and are done. */
  public boolean isImmediate() {
    return type == OrderType.MARKET || timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK;
  }
}
