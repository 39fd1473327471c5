package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Trade;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where approved orders are executed. The paper exchange matches them against replayed trades
 * and books; a live adapter would route them to a venue and report its fills through the same
 * events, so the portfolio above it does not change.
 *
 * <p>Implementations are single-threaded: the owner calls them from one context. Everything an
 * order does after it was accepted comes back from {@link #onTrade}, so the owner publishes it
 * with the trade's state.
 */
public interface ExchangeAdapter {

  /**
   * Takes an order. It reaches the venue after the submit latency, at the earliest before the
   * next market event.
   *
   * @return accepted (a reduce-only order possibly clipped to the position), or why the venue
   *     refused it (a post-only order that would cross, a reduce-only order that would not
   *     reduce, an order id already working)
   */
  Submission submit(OrderTicket ticket);

  /**
   * Cancels a working order, effective after the cancel latency.
   *
   * @param requestSeq market event seq at which the cancel was sent
   * @param requestTimeUs event time at which the cancel was sent
   */
  CancelAck cancel(String orderId, long requestSeq, long requestTimeUs);

  /** Takes a book snapshot; a reason (a metric tag) when it is refused. Applied with the next trade. */
  Optional<String> onBook(BookSnapshot snapshot);

  /** Takes a book delta; a reason (a metric tag) when it is refused (a gap, a stale update). */
  Optional<String> onBook(BookDelta delta);

  /**
   * Applies the book updates numbered before the trade, lands orders and cancels whose latency
   * has passed, and matches the trade. Filled, expired and cancelled orders leave the working set.
   */
  List<ExchangeEvent> onTrade(Trade trade);

  /** Every working order (in flight or at the venue), by symbol, each symbol's orders in matching priority. */
  List<WorkingOrder> workingOrders();

  /** Book updates refused or dropped so far, by reason (gaps, stale updates, crossed books). */
  SortedMap<String, Long> bookIssues();
}
