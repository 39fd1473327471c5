package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.shared.msg.IdSequence;
import dev.tradingsystem.shared.msg.Metas;

/**
 * Builds a strategy's intents: ids {@code <strategyId>-<n>} in decision order (so a replay issues
 * the same ids), headers derived from the consensus that caused them. Not thread-safe: one owner.
 */
public final class OrderIntents {

  private final String strategyId;
  private final IdSequence ids;

  public OrderIntents(String strategyId) {
    this.strategyId = strategyId;
    this.ids = new IdSequence(strategyId);
  }

  /**
   * A new order. {@code price} is the limit in price units (0 for market orders);
   * {@code referencePrice} the last price the decision was taken on.
   */
  public OrderIntent newOrder(Meta cause, Instrument instrument, Side side, OrderType type, long price,
      long quantity, boolean reduceOnly, long referencePrice, String reason) {
    String id = ids.next();
    return OrderIntent.newBuilder()
        .setMeta(Metas.derive(cause, id))
        .setIntentId(id)
        .setStrategyId(strategyId)
        .setInstrument(instrument)
        .setKind(IntentKind.NEW_ORDER)
        .setSide(side)
        .setType(type)
        .setPrice(type == OrderType.MARKET ? 0 : price)
        .setQuantity(quantity)
        .setTimeInForce(TimeInForce.GTC)
        .setReduceOnly(reduceOnly)
        .setReferencePrice(referencePrice)
        .setReason(reason)
        .build();
  }

  /** Cancels a working order; carries its side, price and open quantity for the risk log. */
  public OrderIntent cancel(Meta cause, Order working, long referencePrice, String reason) {
    String id = ids.next();
    return OrderIntent.newBuilder()
        .setMeta(Metas.derive(cause, id))
        .setIntentId(id)
        .setStrategyId(strategyId)
        .setInstrument(working.getInstrument())
        .setKind(IntentKind.CANCEL_ORDER)
        .setSide(working.getSide())
        .setType(working.getType())
        .setPrice(working.getPrice())
        .setQuantity(Math.max(0, working.getQuantity() - working.getFilledQuantity()))
        .setTimeInForce(working.getTimeInForce())
        .setCancelOrderId(working.getOrderId())
        .setReferencePrice(referencePrice)
        .setReason(reason)
        .build();
  }

  /** How many intents were issued so far. */
  public long issued() {
    return ids.issued();
  }
}
