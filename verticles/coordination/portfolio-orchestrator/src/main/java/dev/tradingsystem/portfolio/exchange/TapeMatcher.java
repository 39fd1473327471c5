package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Matching against the trade tape alone, for orders that reached the venue with no book for
 * their symbol (trade-only data such as the Bitstamp tape). Per trade, in priority order:
 * <ul>
 *   <li>MARKET fills its whole quantity at the trade price plus (buy) or minus (sell) the
 *       half-spread, rounded to the tick away from the trader, paying the taker fee. It takes from
 *       the book behind the print, so it does not use up the print's size.</li>
 *   <li>LIMIT fills only when the market trades through it (buy: trade price strictly below the
 *       limit; sell: strictly above), at the limit price, for min(leaves, size left of the print
 *       on that side), paying the maker fee. A print at exactly the limit may have been the queue
 *       ahead of us, so it fills nothing.</li>
 *   <li>IOC limit meets only the first trade; what it does not fill expires. FOK fills entirely on
 *       the first trade or expires unfilled. Both pay the taker fee.</li>
 * </ul>
 * The bid side and the offer side each get the full print size: a print through a bid means
 * sellers hit down there, a print through an offer means buyers lifted up there.
 */
final class TapeMatcher {

  private final double halfSpreadBps;
  private final FillDesk desk;

  TapeMatcher(double halfSpreadBps, FillDesk desk) {
    this.halfSpreadBps = halfSpreadBps;
    this.desk = desk;
  }

  /** Matches the tape orders of the trade's symbol (priority order) against the trade. */
  void match(Trade trade, List<WorkingOrder> orders, List<ExchangeEvent> events) {
    long seq = trade.getMeta().getSeq();
    long price = trade.getPrice();
    long bidSizeLeft = trade.getSize();
    long offerSizeLeft = trade.getSize();
    for (WorkingOrder order : orders) {
      OrderTicket ticket = order.ticket();
      if (order.model() != WorkingOrder.FillModel.TRADE_TAPE || ticket.placedSeq() >= seq) {
        continue;
      }
      if (ticket.type() == OrderType.MARKET) {
        long quantity = desk.allowed(order, order.leavesQuantity());
        if (quantity > 0) {
          events.add(desk.fill(order, marketFillPrice(ticket, price), quantity, Liquidity.TAKER));
        }
        if (order.leavesQuantity() > 0) {
          events.add(new ExchangeEvent.Expiry(ticket, order.filledQuantity(), "reduce-only: the position is flat"));
        }
        continue;
      }
      boolean tradedThrough = ticket.isBuy() ? price < ticket.price() : price > ticket.price();
      long sizeLeft = ticket.isBuy() ? bidSizeLeft : offerSizeLeft;
      long quantity = tradedThrough ? desk.allowed(order, sizeLeft) : 0;
      if (ticket.timeInForce() == TimeInForce.FOK && quantity < order.leavesQuantity()) {
        quantity = 0;
      }
      if (quantity > 0) {
        events.add(desk.fill(order, ticket.price(), quantity, ticket.isImmediate() ? Liquidity.TAKER : Liquidity.MAKER));
        if (ticket.isBuy()) {
          bidSizeLeft -= quantity;
        } else {
          offerSizeLeft -= quantity;
        }
      }
      if (order.leavesQuantity() > 0 && ticket.isImmediate()) {
        events.add(new ExchangeEvent.Expiry(ticket, order.filledQuantity(), expiryReason(ticket, tradedThrough, seq)));
      } else if (desk.reduceOnlyExhausted(order)) {
        events.add(new ExchangeEvent.Expiry(ticket, order.filledQuantity(), "reduce-only: the position is flat"));
      }
    }
  }

  /** Trade price moved by the half-spread against the trader, rounded to the tick away from them. */
  long marketFillPrice(OrderTicket ticket, long tradePrice) {
    BigDecimal spread = BigDecimal.valueOf(halfSpreadBps).movePointLeft(4);
    BigDecimal factor = ticket.isBuy() ? BigDecimal.ONE.add(spread) : BigDecimal.ONE.subtract(spread);
    BigDecimal raw = BigDecimal.valueOf(tradePrice).multiply(factor);
    long units = raw.setScale(0, ticket.isBuy() ? RoundingMode.CEILING : RoundingMode.FLOOR).longValueExact();
    return FixedPoint.roundToTick(units, ticket.instrument(), !ticket.isBuy());
  }

  private static String expiryReason(OrderTicket ticket, boolean tradedThrough, long seq) {
    if (!tradedThrough) {
      return ticket.timeInForce() + " not marketable against trade seq " + seq;
    }
    return ticket.timeInForce() == TimeInForce.FOK
        ? "FOK: trade seq " + seq + " could not fill the whole quantity"
        : "IOC: rest unfilled by trade seq " + seq;
  }
}
