package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Matching against a synced L2 book, after hftbacktest's {@code PartialFillExchange} with a
 * probabilistic queue ({@link ProbabilisticQueue}). The rules, per event:
 * <ul>
 *   <li><b>Arrival.</b> A MARKET order, or a limit priced through the opposite best, walks the
 *       opposite levels best first, each level a TAKER fill at that level's price (so the
 *       average is the VWAP of the levels taken), never past a limit. IOC drops what the walk did
 *       not fill, FOK fills entirely or not at all, MARKET drops what the displayed depth could not
 *       fill (the venue's EXPIRED), a GTC limit rests its remainder. A POST_ONLY order that would
 *       take is dropped. A resting order queues behind the whole displayed size at its price.</li>
 *   <li><b>Print at our price</b> (sell-aggressor for bids, buy-aggressor for offers; unknown
 *       aggressor counts for both): the queue ahead is consumed first; what is left of the print
 *       fills the order (MAKER), our own earlier orders at the price going first.</li>
 *   <li><b>Print through our price</b>: the level was swept, the queue ahead is gone; the order
 *       fills MAKER at its limit for min(leaves, print size left). hftbacktest fills the whole
 *       order here; bounding by the print keeps a large paper order from being filled by a small
 *       print.</li>
 *   <li><b>Book change at our price</b>: see {@link ProbabilisticQueue}.</li>
 *   <li><b>Book crossing our price</b> (an ask at or below our bid after an update): the order
 *       fills MAKER at its limit against the crossing displayed size, which is then taken off.</li>
 * </ul>
 * Our fills take their size off the displayed levels until the feed next sets them, and the
 * displayed size they take at a level is also taken from ahead of our orders resting there.
 * Orders of different strategies never trade with each other: our orders are not displayed.
 */
final class BookMatcher {

  private final FillDesk desk;
  private final ProbabilisticQueue queue;

  BookMatcher(FillDesk desk, ProbabilisticQueue queue) {
    this.desk = desk;
    this.queue = queue;
  }

  /**
   * An order reaching the venue while its symbol's book is synced.
   *
   * @return true when (the rest of) the order now rests in the book's queue
   */
  boolean arrive(WorkingOrder order, SymbolMarket market, List<ExchangeEvent> events) {
    OrderTicket ticket = order.ticket();
    Side opposite = opposite(ticket.side());
    long best = market.book.best(opposite);
    boolean marketable = ticket.type() == OrderType.MARKET || (best != 0 && crosses(ticket, best));
    if (marketable && ticket.timeInForce() == TimeInForce.POST_ONLY) {
      return drop(order, events, "post-only " + ticket.side() + " at " + ticket.price()
          + " would take the book at " + best + " on arrival");
    }
    if (marketable && ticket.timeInForce() == TimeInForce.FOK) {
      long available = desk.allowed(order, depthWithin(ticket, market.book.levels(opposite)));
      if (available < order.leavesQuantity()) {
        return drop(order, events, "FOK: the book held " + available + " within the limit on arrival");
      }
    }
    if (marketable) {
      sweep(order, market, opposite, events);
    }
    if (order.leavesQuantity() == 0) {
      return false;
    }
    if (desk.reduceOnlyExhausted(order)) {
      return drop(order, events, "reduce-only: the position is flat");
    }
    if (ticket.isImmediate()) {
      return drop(order, events, immediateReason(ticket, marketable, order.filledQuantity()));
    }
    order.joinQueue(market.book.size(ticket.side(), ticket.price()));
    return true;
  }

  /** A trade print: advances the queues at its price, fills what it reaches and what it went through. */
  void onPrint(Trade trade, SymbolMarket market, List<ExchangeEvent> events) {
    Side aggressor = trade.getAggressor();
    if (aggressor != Side.BUY) {
      printOn(Side.BUY, trade.getPrice(), trade.getSize(), market, events);
    }
    if (aggressor != Side.SELL) {
      printOn(Side.SELL, trade.getPrice(), trade.getSize(), market, events);
    }
  }

  /** The displayed size at a price where our orders rest changed from {@code before} to {@code after}. */
  void onLevel(SymbolMarket market, Side side, long price, long before, long after) {
    for (WorkingOrder order : market.queuedAt(side, price)) {
      order.queueAhead(queue.afterDepthChange(order.queueAhead(), before, after, order.printedSinceDepth()));
      order.depthSeen();
    }
  }

  /** After a book update: resting orders the other side now crosses fill against the crossing size. */
  void afterUpdate(SymbolMarket market, List<ExchangeEvent> events) {
    crossed(Side.BUY, market, events);
    crossed(Side.SELL, market, events);
  }

  private void printOn(Side side, long price, long size, SymbolMarket market, List<ExchangeEvent> events) {
    long throughLeft = size;
    long ownAhead = 0;
    for (WorkingOrder order : market.queued(side)) {
      OrderTicket ticket = order.ticket();
      if (ticket.price() == price) {
        long ahead = order.queueAhead() + ownAhead;
        long leavesBefore = order.leavesQuantity();
        long reach = FixedPoint.roundToLot(Math.max(0, size - ahead), ticket.instrument());
        order.queueAhead(order.queueAhead() - size);
        order.printed(size);
        ownAhead += leavesBefore;
        long quantity = desk.allowed(order, reach);
        if (quantity > 0) {
          events.add(desk.fill(order, ticket.price(), quantity, Liquidity.MAKER));
        }
      } else if (side == Side.BUY ? ticket.price() > price : ticket.price() < price) {
        order.queueAhead(0);
        long quantity = desk.allowed(order, throughLeft);
        if (quantity > 0) {
          events.add(desk.fill(order, ticket.price(), quantity, Liquidity.MAKER));
          throughLeft -= quantity;
        }
      } else {
        break;
      }
      dropIfReduceOnlyDone(order, events);
    }
  }

  private void crossed(Side side, SymbolMarket market, List<ExchangeEvent> events) {
    Side opposite = opposite(side);
    for (WorkingOrder order : market.queued(side)) {
      OrderTicket ticket = order.ticket();
      long best = market.book.best(opposite);
      if (best == 0 || !crosses(ticket, best)) {
        break;
      }
      order.queueAhead(0);
      NavigableMap<Long, Long> levels = market.book.levels(opposite);
      Map.Entry<Long, Long> level = levels.firstEntry();
      while (level != null && order.leavesQuantity() > 0 && crosses(ticket, level.getKey())) {
        long quantity = desk.allowed(order, level.getValue());
        if (quantity == 0) {
          break;
        }
        events.add(desk.fill(order, ticket.price(), quantity, Liquidity.MAKER));
        takeDisplayed(market, opposite, level.getKey(), quantity);
        level = levels.higherEntry(level.getKey());
      }
      dropIfReduceOnlyDone(order, events);
    }
  }

  /** Walks the opposite levels best first, one TAKER fill per level, never past the limit. */
  private void sweep(WorkingOrder order, SymbolMarket market, Side opposite, List<ExchangeEvent> events) {
    OrderTicket ticket = order.ticket();
    NavigableMap<Long, Long> levels = market.book.levels(opposite);
    Map.Entry<Long, Long> level = levels.firstEntry();
    while (level != null && order.leavesQuantity() > 0
        && (ticket.type() == OrderType.MARKET || crosses(ticket, level.getKey()))) {
      long quantity = desk.allowed(order, level.getValue());
      if (quantity == 0) {
        break;
      }
      events.add(desk.fill(order, level.getKey(), quantity, Liquidity.TAKER));
      takeDisplayed(market, opposite, level.getKey(), quantity);
      level = levels.higherEntry(level.getKey());
    }
  }

  /** Our fill takes displayed size off a level, from its front: our orders resting there move up by as much. */
  private static void takeDisplayed(SymbolMarket market, Side side, long price, long quantity) {
    long taken = market.book.take(side, price, quantity);
    for (WorkingOrder resting : market.queuedAt(side, price)) {
      resting.queueAhead(resting.queueAhead() - taken);
    }
  }

  private static long depthWithin(OrderTicket ticket, NavigableMap<Long, Long> levels) {
    long depth = 0;
    for (Map.Entry<Long, Long> level : levels.entrySet()) {
      if (ticket.type() != OrderType.MARKET && !crosses(ticket, level.getKey())) {
        break;
      }
      depth += level.getValue();
    }
    return depth;
  }

  private void dropIfReduceOnlyDone(WorkingOrder order, List<ExchangeEvent> events) {
    if (desk.reduceOnlyExhausted(order)) {
      drop(order, events, "reduce-only: the position is flat");
    }
  }

  private static boolean drop(WorkingOrder order, List<ExchangeEvent> events, String reason) {
    events.add(new ExchangeEvent.Expiry(order.ticket(), order.filledQuantity(), reason));
    return false;
  }

  private static String immediateReason(OrderTicket ticket, boolean marketable, long filled) {
    if (ticket.type() == OrderType.MARKET) {
      return filled == 0 ? "MARKET: no liquidity on the book on arrival"
          : "MARKET: the displayed depth ran out on arrival";
    }
    return marketable ? ticket.timeInForce() + ": rest unfilled by the book on arrival"
        : ticket.timeInForce() + " not marketable against the book on arrival";
  }

  /** True when a limit order at its price would trade with the opposite side at {@code price}. */
  private static boolean crosses(OrderTicket ticket, long price) {
    return ticket.isBuy() ? price <= ticket.price() : price >= ticket.price();
  }

  static Side opposite(Side side) {
    return side == Side.BUY ? Side.SELL : Side.BUY;
  }
}
