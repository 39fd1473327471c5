package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The venue's view of one symbol: its displayed book, its last trade price and the orders live
 * at the venue (arrived, not yet filled, expired or cancelled) in matching priority.
 */
final class SymbolMarket {

  final L2Book book = new L2Book();
  final NavigableSet<WorkingOrder> live = new TreeSet<>(PaperExchange.PRIORITY);
  long lastTradePrice;

  /** Live orders resting behind a queue at one price on one side, in priority (queue) order. */
  List<WorkingOrder> queuedAt(Side side, long price) {
    List<WorkingOrder> at = new ArrayList<>();
    for (WorkingOrder order : live) {
      OrderTicket ticket = order.ticket();
      if (order.model() == WorkingOrder.FillModel.QUEUE && ticket.side() == side && ticket.price() == price) {
        at.add(order);
      }
    }
    return at;
  }

  /** Live queued orders of one side, best price first. */
  List<WorkingOrder> queued(Side side) {
    List<WorkingOrder> of = new ArrayList<>();
    for (WorkingOrder order : live) {
      if (order.model() == WorkingOrder.FillModel.QUEUE && order.ticket().side() == side) {
        of.add(order);
      }
    }
    return of;
  }
}
