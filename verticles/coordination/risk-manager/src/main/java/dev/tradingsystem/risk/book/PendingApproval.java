package dev.tradingsystem.risk.book;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Side;

/**
 * A new order the gate approved after the latest snapshot was taken: it is not yet in the
 * portfolio's open orders, so the strategy's exposure must include it.
 *
 * @param snapshotSeq seq of the snapshot that was latest when it was approved; a later
 *                    snapshot already contains the order
 * @param orderId     the portfolio's order id once it accepted the order, else empty
 */
public record PendingApproval(String intentId, String strategyId, Instrument instrument, Side side, long quantity,
                              long notionalMicros, long snapshotSeq, String orderId) {

  PendingApproval withOrderId(String id) {
    return new PendingApproval(intentId, strategyId, instrument, side, quantity, notionalMicros, snapshotSeq, id);
  }
}
