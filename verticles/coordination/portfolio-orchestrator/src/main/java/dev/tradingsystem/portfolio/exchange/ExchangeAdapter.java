package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Trade;
import java.util.List;
import java.util.Optional;

/**
 * Where approved orders are executed. The paper exchange matches them against replayed trades;
 * a live adapter would route them to a venue and report its fills through the same events, so
 * the portfolio above it does not change.
 *
 * <p>Implementations are single-threaded: the owner calls them from one context.
 */
public interface ExchangeAdapter {

  /**
   * Takes an order into the working set.
   *
   * @return empty when accepted, otherwise why the venue refused it (a post-only order that
   *     would cross, an order id already working)
   */
  Optional<String> submit(OrderTicket ticket);

  /** Removes a working order; empty when it is not working (never placed, filled or expired). */
  Optional<WorkingOrder> cancel(String orderId);

  /**
   * Matches the working orders of the trade's symbol against one market trade, in priority
   * order. Filled and expired orders leave the working set.
   */
  List<ExchangeEvent> onTrade(Trade trade);

  /** Every working order, by symbol, each symbol's queue in matching priority. */
  List<WorkingOrder> workingOrders();
}
