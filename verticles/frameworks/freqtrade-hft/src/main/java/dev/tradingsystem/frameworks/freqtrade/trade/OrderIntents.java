package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.runtime.StrategyIntents;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;

/**
 * Builds a strategy's entries, exits and cancels: good-till-cancelled, market or limit, ids
 * {@code <strategyId>-<n>} in decision order (so a replay issues the same ids), headers derived
 * from the consensus that caused them. Not thread-safe: one owner.
 */
public final class OrderIntents {

  private final StrategyIntents intents;

  public OrderIntents(String strategyId) {
    this.intents = new StrategyIntents(strategyId);
  }

  /**
   * A new order. {@code price} is the limit in price units (ignored, sent as 0, for market
   * orders); {@code referencePrice} the last price the decision was taken on.
   */
  public OrderIntent newOrder(Meta cause, Instrument instrument, Side side, OrderType type, long price,
      long quantity, boolean reduceOnly, long referencePrice, String reason) {
    return intents.newOrder(cause, instrument, side, referencePrice, reason)
        .setType(type)
        .setPrice(type == OrderType.MARKET ? 0 : price)
        .setQuantity(quantity)
        .setTimeInForce(TimeInForce.GTC)
        .setReduceOnly(reduceOnly)
        .build();
  }

  /** Cancels a working order; carries its side, price and open quantity for the risk log. */
  public OrderIntent cancel(Meta cause, Order working, long referencePrice, String reason) {
    return intents.cancel(cause, working, referencePrice, reason);
  }

  /** How many intents were issued so far. */
  public long issued() {
    return intents.issued();
  }
}
