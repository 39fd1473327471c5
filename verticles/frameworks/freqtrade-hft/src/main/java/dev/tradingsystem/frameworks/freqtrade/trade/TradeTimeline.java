package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.proto.Order;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each open trade and each working order was first seen in the portfolio state, on the
 * event-time clock. The portfolio does not stamp positions with an open time, and taking it from
 * execution reports would make decisions depend on message timing; the first snapshot that shows
 * a position is the tick that filled it, so this is the fill time, replayed identically.
 * Not thread-safe: one owner.
 */
public final class TradeTimeline {

  private record Opened(TradeSide side, long atMicros) {
  }

  private final Map<String, Opened> trades = new HashMap<>();
  private final Map<String, Map<String, Long>> ordersBySymbol = new HashMap<>();

  /** Records the position of a pair; returns when the current trade opened (now if it just did). */
  public long observePosition(String symbol, long signedQuantity, long nowMicros) {
    TradeSide side = TradeSide.ofPosition(signedQuantity);
    if (side == null) {
      trades.remove(symbol);
      return nowMicros;
    }
    Opened opened = trades.get(symbol);
    if (opened == null || opened.side() != side) {
      opened = new Opened(side, nowMicros);
      trades.put(symbol, opened);
    }
    return opened.atMicros();
  }

  /** Records the working orders of a pair, forgetting those of that pair that stopped working. */
  public void observeOrders(String symbol, List<Order> working, long nowMicros) {
    Map<String, Long> previous = ordersBySymbol.getOrDefault(symbol, Map.of());
    Map<String, Long> current = new HashMap<>();
    for (Order order : working) {
      current.put(order.getOrderId(), previous.getOrDefault(order.getOrderId(), nowMicros));
    }
    ordersBySymbol.put(symbol, current);
  }

  /** Whole minutes since the order was first seen; 0 for an order not seen before. */
  public long orderMinutes(String symbol, String orderId, long nowMicros) {
    Long seen = ordersBySymbol.getOrDefault(symbol, Map.of()).get(orderId);
    return seen == null ? 0 : Math.max(0, nowMicros - seen) / 60_000_000L;
  }
}
