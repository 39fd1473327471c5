package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.proto.Order;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each working order was first seen in the portfolio state, on the event-time clock, for
 * Freqtrade's {@code unfilledtimeout}. Taking the time from execution reports would make a cancel
 * depend on message timing; the first snapshot that lists an order is the tick it was placed on,
 * replayed identically. Not thread-safe: one owner.
 */
public final class OrderAges {

  private static final long MINUTE_US = 60_000_000L;

  private final Map<String, Map<String, Long>> ordersBySymbol = new HashMap<>();

  /** Records the working orders of a pair, forgetting those of that pair that stopped working. */
  public void observe(String symbol, List<Order> working, long nowMicros) {
    Map<String, Long> previous = ordersBySymbol.getOrDefault(symbol, Map.of());
    Map<String, Long> current = new HashMap<>();
    for (Order order : working) {
      current.put(order.getOrderId(), previous.getOrDefault(order.getOrderId(), nowMicros));
    }
    ordersBySymbol.put(symbol, current);
  }

  /** Whole minutes since the order was first seen; 0 for an order not seen before. */
  public long minutes(String symbol, String orderId, long nowMicros) {
    Long seen = ordersBySymbol.getOrDefault(symbol, Map.of()).get(orderId);
    return seen == null ? 0 : Math.max(0, nowMicros - seen) / MINUTE_US;
  }
}
