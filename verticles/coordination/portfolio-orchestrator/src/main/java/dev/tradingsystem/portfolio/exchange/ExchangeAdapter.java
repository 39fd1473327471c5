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

  /**
   * After a restart: hands the venue an order the owner's journal says is working, as it was
   * (same id, placement seq and time, what has filled so far). The paper venue lost its state with
   * the process, so it takes the order again; the order reaches it as a new arrival after the
   * submit latency and, resting on a book, joins the queue at the back. A live venue adapter
   * answers from the venue instead: accepted when the venue still has the order, refused when not.
   *
   * @param filledQuantity size already filled (journaled executions)
   * @param fills number of executions so far, so the next execution id continues the sequence
   */
  Submission restore(OrderTicket ticket, long filledQuantity, int fills);

  /**
   * After a restart: the net position the owner booked for a strategy and symbol, which
   * reduce-only orders are checked against. A live venue knows its positions and may ignore it.
   */
  void restorePosition(String strategyId, String symbol, long signedQuantity);

  /** Book updates refused or dropped so far, by reason (gaps, stale updates, crossed books). */
  SortedMap<String, Long> bookIssues();
}
