package dev.tradingsystem.frameworks.hummingbot.quoting;

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
 * Builds the market maker's intents: post-only limit quotes and cancels, ids
 * {@code <strategyId>-<n>} in decision order, headers derived from the causing consensus.
 * Not thread-safe: one owner.
 */
public final class QuoteIntents {

  private final String strategyId;
  private final IdSequence ids;

  public QuoteIntents(String strategyId) {
    this.strategyId = strategyId;
    this.ids = new IdSequence(strategyId);
  }

  /** A resting quote: LIMIT, POST_ONLY (it must add liquidity, never take it). */
  public OrderIntent quote(Meta cause, Instrument instrument, Side side, long price, long quantity,
      long referencePrice, String reason) {
    String id = ids.next();
    return OrderIntent.newBuilder()
        .setMeta(Metas.derive(cause, id))
        .setIntentId(id)
        .setStrategyId(strategyId)
        .setInstrument(instrument)
        .setKind(IntentKind.NEW_ORDER)
        .setSide(side)
        .setType(OrderType.LIMIT)
        .setPrice(price)
        .setQuantity(quantity)
        .setTimeInForce(TimeInForce.POST_ONLY)
        .setReferencePrice(referencePrice)
        .setReason(reason)
        .build();
  }

  /** Cancels a working quote; carries its side, price and open quantity for the risk log. */
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
}
