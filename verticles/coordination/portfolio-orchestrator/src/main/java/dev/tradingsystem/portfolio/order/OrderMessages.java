package dev.tradingsystem.portfolio.order;

import dev.tradingsystem.portfolio.exchange.ExchangeEvent;
import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.shared.msg.Metas;

/**
 * The portfolio's outgoing order and execution messages, with their deterministic ids: an order
 * is {@code o-<intent>}, its n-th fill {@code x-o-<intent>-n}, and each message's meta derives
 * from the event that caused it.
 */
public final class OrderMessages {

  private OrderMessages() {
  }

  /** The order as accepted onto the exchange (a reduce-only order with its clipped quantity). */
  public static Order accepted(ApprovedOrder approved, OrderTicket ticket) {
    return Order.newBuilder()
        .setMeta(Metas.derive(approved.getIntent().getMeta(), ticket.orderId()))
        .setOrderId(ticket.orderId())
        .setIntentId(ticket.intentId())
        .setStrategyId(ticket.strategyId())
        .setInstrument(ticket.instrument())
        .setSide(ticket.side())
        .setType(ticket.type())
        .setTimeInForce(ticket.timeInForce())
        .setPrice(ticket.price())
        .setQuantity(ticket.quantity())
        .setStatus(OrderStatus.ACCEPTED)
        .setApprovalId(approved.getApproval().getApprovalId())
        .build();
  }

  /** The intent answered as a REJECTED order with the code and reason. */
  public static Order rejected(ApprovedOrder approved, String orderId, Rejection rejection) {
    OrderIntent intent = approved.getIntent();
    return Order.newBuilder()
        .setMeta(Metas.derive(intent.getMeta(), orderId + "@rejected"))
        .setOrderId(orderId)
        .setIntentId(intent.getIntentId())
        .setStrategyId(intent.getStrategyId())
        .setInstrument(intent.getInstrument())
        .setSide(intent.getSide())
        .setType(intent.getType())
        .setTimeInForce(intent.getTimeInForce())
        .setPrice(intent.getPrice())
        .setQuantity(intent.getQuantity())
        .setStatus(OrderStatus.REJECTED)
        .setApprovalId(approved.getApproval().getApprovalId())
        .setRejectCode(rejection.code())
        .setRejectReason(rejection.reason())
        .build();
  }

  /** One fill as an execution, stamped with the trade at which the portfolio booked it. */
  public static Execution execution(Meta tradeMeta, ExchangeEvent.Fill fill) {
    OrderTicket ticket = fill.ticket();
    String executionId = "x-" + ticket.orderId() + "-" + fill.fillNumber();
    return Execution.newBuilder()
        .setMeta(Metas.derive(tradeMeta, executionId))
        .setExecutionId(executionId)
        .setOrderId(ticket.orderId())
        .setStrategyId(ticket.strategyId())
        .setInstrument(ticket.instrument())
        .setSide(ticket.side())
        .setPrice(fill.price())
        .setQuantity(fill.quantity())
        .setFeeMicros(fill.feeMicros())
        .setLiquidity(fill.liquidity())
        .setLeavesQuantity(fill.leavesQuantity())
        .build();
  }
}
