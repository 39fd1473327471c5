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
 * @param placedSeq market event sequence at which the order was placed: it reaches the venue
 *     before the next market event at the earliest, and it orders the queue among equal prices
 * @param placedTimeUs event time of the placement: the order reaches the venue at this time plus
 *     the submit latency
 * @param reduceOnly the order may only reduce the strategy's position on this symbol
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
    long placedSeq,
    long placedTimeUs,
    boolean reduceOnly) {

  /** A plain order placed at {@code placedSeq} with no placement time (it arrives at the next event). */
  public OrderTicket(String orderId, String intentId, String strategyId, Instrument instrument, Side side,
      OrderType type, TimeInForce timeInForce, long price, long quantity, long placedSeq) {
    this(orderId, intentId, strategyId, instrument, side, type, timeInForce, price, quantity, placedSeq, 0, false);
  }

  public String symbol() {
    return instrument.getSymbol();
  }

  public boolean isBuy() {
    return side == Side.BUY;
  }

  /** True for orders that never rest: they meet the first eligible trade (or the book on arrival) and are done. */
  public boolean isImmediate() {
    return type == OrderType.MARKET || timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK;
  }

  /** The same order for a smaller quantity (a reduce-only order clipped to the position). */
  public OrderTicket withQuantity(long newQuantity) {
    return new OrderTicket(orderId, intentId, strategyId, instrument, side, type, timeInForce, price, newQuantity,
        placedSeq, placedTimeUs, reduceOnly);
  }
}
