package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.msg.IdSequence;
import dev.tradingsystem.shared.msg.Metas;

/**
 * Issues one strategy's intents: ids {@code <strategyId>-<n>} in decision order (so a replay
 * issues the same ids, and the portfolio the same order ids {@code o-<intentId>}), headers
 * derived from the consensus that caused them. The order details a framework adds itself (an
 * entry's order type, a quote's post-only flag). Not thread-safe: one owner.
 */
public final class StrategyIntents {

  private final String strategyId;
  private final IdSequence ids;

  public StrategyIntents(String strategyId) {
    this.strategyId = strategyId;
    this.ids = new IdSequence(strategyId);
  }

  /**
   * A new order with its id, header, strategy, instrument, side, reference price (the last price
   * the decision was taken on) and reason set; the caller adds type, price, quantity, time in
   * force and flags, then builds it.
   */
  public OrderIntent.Builder newOrder(Meta cause, Instrument instrument, Side side, long referencePrice, String reason) {
    return header(cause)
        .setInstrument(instrument)
        .setKind(IntentKind.NEW_ORDER)
        .setSide(side)
        .setReferencePrice(referencePrice)
        .setReason(reason);
  }

  /** Cancels a working order; carries its side, price and open quantity for the risk log. */
  public OrderIntent cancel(Meta cause, Order working, long referencePrice, String reason) {
    return header(cause)
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

  public String strategyId() {
    return strategyId;
  }

  /** How many intents were issued so far. */
  public long issued() {
    return ids.issued();
  }

  private OrderIntent.Builder header(Meta cause) {
    String id = ids.next();
    return OrderIntent.newBuilder()
        .setMeta(Metas.derive(cause, id))
        .setIntentId(id)
        .setStrategyId(strategyId);
  }
}
