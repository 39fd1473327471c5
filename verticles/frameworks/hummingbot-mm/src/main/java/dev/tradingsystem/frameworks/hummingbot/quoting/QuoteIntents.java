package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.frameworks.runtime.StrategyIntents;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;

/**
 * Builds the market maker's intents: post-only limit quotes and cancels, ids
 * {@code <strategyId>-<n>} in decision order, headers derived from the causing consensus.
 * Not thread-safe: one owner.
 */
public final class QuoteIntents {

  /** The portfolio names the order of intent {@code X} {@code o-X} (pipeline step 6). */
  public static final String ORDER_ID_PREFIX = "o-";

  private final StrategyIntents intents;

  public QuoteIntents(String strategyId) {
    this.intents = new StrategyIntents(strategyId);
  }

  /** The id the portfolio will give the order of this intent. */
  public static String orderIdOf(OrderIntent intent) {
    return ORDER_ID_PREFIX + intent.getIntentId();
  }

  public String strategyId() {
    return intents.strategyId();
  }

  /** A resting quote: LIMIT, POST_ONLY (it must add liquidity, never take it). */
  public OrderIntent quote(Meta cause, Instrument instrument, Side side, long price, long quantity,
      long referencePrice, String reason) {
    return quote(cause, instrument, side, price, quantity, referencePrice, reason, false);
  }

  /** A resting quote that may only shrink the position when {@code reduceOnly} (REDUCING, or a size haircut of 1). */
  public OrderIntent quote(Meta cause, Instrument instrument, Side side, long price, long quantity,
      long referencePrice, String reason, boolean reduceOnly) {
    return intents.newOrder(cause, instrument, side, referencePrice, reason)
        .setType(OrderType.LIMIT).setPrice(price).setQuantity(quantity).setTimeInForce(TimeInForce.POST_ONLY)
        .setReduceOnly(reduceOnly)
        .build();
  }

  /** Cancels a working quote; carries its side, price and open quantity for the risk log. */
  public OrderIntent cancel(Meta cause, Order working, long referencePrice, String reason) {
    return intents.cancel(cause, working, referencePrice, reason);
  }
}
