package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.HashMap;
import java.util.Map;

/**
 * Books fills the way the venue does: fee by the schedule for the instrument and liquidity, and
 * the venue's own net position per strategy and symbol, which is what reduce-only is checked
 * against (the portfolio's positions change only through these fills, so the two agree).
 */
final class FillDesk {

  private final FeeSchedule fees;
  private final Map<String, Long> positions = new HashMap<>();

  FillDesk(FeeSchedule fees) {
    this.fees = fees;
  }

  /** Signed net position of a strategy on a symbol, size units. */
  long position(String strategyId, String symbol) {
    return positions.getOrDefault(key(strategyId, symbol), 0L);
  }

  /** Sets a position from the owner's books after a restart (the paper venue's own copy was lost). */
  void restorePosition(String strategyId, String symbol, long signedQuantity) {
    positions.put(key(strategyId, symbol), signedQuantity);
  }

  /** How much an order on {@code side} can trade and still only reduce the position; 0 when it would open or add. */
  long reducible(String strategyId, String symbol, Side side) {
    long position = position(strategyId, symbol);
    return side == Side.BUY ? Math.max(0, -position) : Math.max(0, position);
  }

  /**
   * The part of {@code wanted} an order may fill now: all of it, except that a reduce-only order
   * stops at a flat position.
   */
  long allowed(WorkingOrder order, long wanted) {
    OrderTicket ticket = order.ticket();
    long upTo = Math.min(wanted, order.leavesQuantity());
    return ticket.reduceOnly() ? Math.min(upTo, reducible(ticket.strategyId(), ticket.symbol(), ticket.side())) : upTo;
  }

  /** True when a reduce-only order has nothing left to reduce: the venue drops its rest. */
  boolean reduceOnlyExhausted(WorkingOrder order) {
    OrderTicket ticket = order.ticket();
    return ticket.reduceOnly() && order.leavesQuantity() > 0
        && reducible(ticket.strategyId(), ticket.symbol(), ticket.side()) == 0;
  }

  /** Fills {@code quantity} of the order at {@code price}, charging the fee for its liquidity. */
  ExchangeEvent.Fill fill(WorkingOrder order, long price, long quantity, Liquidity liquidity) {
    OrderTicket ticket = order.ticket();
    double bps = fees.bps(ticket.instrument(), liquidity);
    long fee = FixedPoint.feeMicros(FixedPoint.notionalMicros(price, quantity, ticket.instrument()), bps);
    order.fill(quantity);
    positions.merge(key(ticket.strategyId(), ticket.symbol()), ticket.isBuy() ? quantity : -quantity, Long::sum);
    return new ExchangeEvent.Fill(ticket, order.fills(), price, quantity, fee, liquidity,
        order.filledQuantity(), order.leavesQuantity());
  }

  private static String key(String strategyId, String symbol) {
    return strategyId + '\u0000' + symbol;
  }
}
