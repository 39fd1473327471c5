package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.exchange.ExchangeAdapter;
import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.portfolio.exchange.Submission;
import dev.tradingsystem.portfolio.exchange.WorkingOrder;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Rebuilds a {@link PortfolioEngine} from its journal, record by record, with the bookkeeping the
 * engine does live but without matching: the fills are facts, the exchange is not asked again.
 * Then {@link #reconcile} hands the venue what the journal says is still working.
 *
 * <p>Reconciling with the paper exchange: it lost its state in the crash, so it first learns each
 * strategy's net position (reduce-only orders are checked against it), then every journaled
 * working order is re-submitted as it was: same id, placement seq and time, the size already
 * filled and the number of fills (execution ids continue, never repeat). The order arrives again
 * after the submit latency and, on a book, joins the queue at the BACK: its old queue position is
 * not recoverable (the book it queued in is gone), which makes recovered fills, if anything,
 * later than the uninterrupted run's. A cancel that was in flight is sent again. Finally the venue
 * is asked what it has working; an order it has that the journal never accepted is reported.
 */
final class JournalRecovery {

  private final PortfolioEngine engine;
  private final Map<String, OrderTicket> tickets = new HashMap<>();
  private final Map<String, Integer> fillCounts = new HashMap<>();
  private final Map<String, long[]> cancelsInFlight = new HashMap<>();
  private Meta lastTradeMeta = Meta.getDefaultInstance();

  private JournalRecovery(PortfolioEngine engine) {
    this.engine = engine;
  }

  /**
   * Rebuilds a fresh {@code engine} from {@code records} and reconciles it with its exchange;
   * {@code observer} sees each record after the engine applied it (allocation changes, attribution).
   * Records made while reconciling (lost orders) are kept for the journal when the engine journals.
   */
  static Reconciliation recover(PortfolioEngine engine, List<JournalRecord> records, Consumer<JournalRecord> observer) {
    if (engine.lastTradeSeq() != 0 || !engine.ledger().isEmpty()) {
      throw new IllegalStateException("recover() runs on a fresh engine only");
    }
    boolean journaling = engine.journaling(false);
    JournalRecovery recovery = new JournalRecovery(engine);
    for (JournalRecord record : records) {
      recovery.apply(record);
      observer.accept(record);
    }
    engine.journaling(journaling);
    Reconciliation reconciliation = recovery.reconcile(engine.exchange(), records.size());
    engine.recovered(recovery.lastTradeMeta);
    return reconciliation;
  }

  private void apply(JournalRecord record) {
    if (record instanceof JournalRecord.OrderAccepted accepted) {
      OrderTicket ticket = ticketOf(accepted);
      tickets.put(ticket.orderId(), ticket);
      engine.ledger().accepted(ticket, accepted.order());
    } else if (record instanceof JournalRecord.OrderChanged changed) {
      String orderId = changed.order().getOrderId();
      if (engine.ledger().recovered(changed.order())) {
        forget(orderId);
      } else if (changed.requestSeq() > 0) {
        cancelsInFlight.put(orderId, new long[] {changed.requestSeq(), changed.requestTimeUs()});
      }
    } else if (record instanceof JournalRecord.TickApplied tick) {
      engine.advance(tick.trade());
      for (Execution fill : tick.executions()) {
        engine.bookFill(fill.getStrategyId(), fill.getInstrument(), fill.getSide(), fill.getPrice(), fill.getQuantity(),
            fill.getFeeMicros());
        fillCounts.merge(fill.getOrderId(), 1, Integer::sum);
      }
      for (Order update : tick.updates()) {
        if (engine.ledger().recovered(update)) {
          forget(update.getOrderId());
        }
      }
      engine.mark(tick.trade());
      lastTradeMeta = tick.trade().getMeta();
    }
    // AllocationChanged concerns the allocator, not the books: the observer applies it.
  }

  private Reconciliation reconcile(ExchangeAdapter exchange, long records) {
    for (Position position : engine.positionBook().positions(null)) {
      if (position.getQuantity() != 0) {
        exchange.restorePosition(position.getStrategyId(), position.getInstrument().getSymbol(), position.getQuantity());
      }
    }
    List<String> resubmitted = new ArrayList<>();
    List<Order> lost = new ArrayList<>();
    for (Order open : new TreeMap<>(engine.ledger().openOrders()).values()) {
      String orderId = open.getOrderId();
      Submission submission = exchange.restore(tickets.get(orderId), open.getFilledQuantity(),
          fillCounts.getOrDefault(orderId, 0));
      if (!submission.isAccepted()) {
        lost.add(expireLost(open, "not on the venue after a restart: " + submission.refusal()));
        continue;
      }
      resubmitted.add(orderId);
      long[] cancel = cancelsInFlight.get(orderId);
      if (cancel != null) {
        exchange.cancel(orderId, cancel[0], cancel[1]);
      }
    }
    Set<String> journaled = new HashSet<>(engine.ledger().openOrders().keySet());
    List<String> unknown = new ArrayList<>();
    for (WorkingOrder working : exchange.workingOrders()) {
      if (!journaled.contains(working.ticket().orderId())) {
        unknown.add(working.ticket().orderId());
      }
    }
    return new Reconciliation(records, engine.lastTradeSeq(), resubmitted, lost, unknown);
  }

  /** An order the venue lost across the restart: EXPIRED, journaled, published by the caller. */
  private Order expireLost(Order open, String reason) {
    Order expired = open.toBuilder().setStatus(OrderStatus.EXPIRED).setRejectReason(reason).build();
    engine.ledger().closed(expired);
    engine.record(new JournalRecord.OrderChanged(expired, 0, 0));
    return expired;
  }

  private static OrderTicket ticketOf(JournalRecord.OrderAccepted accepted) {
    Order order = accepted.order();
    return new OrderTicket(order.getOrderId(), order.getIntentId(), order.getStrategyId(), order.getInstrument(),
        order.getSide(), order.getType(), order.getTimeInForce(), order.getPrice(), order.getQuantity(),
        accepted.placedSeq(), accepted.placedTimeUs(), accepted.approved().getIntent().getReduceOnly());
  }

  private void forget(String orderId) {
    tickets.remove(orderId);
    fillCounts.remove(orderId);
    cancelsInFlight.remove(orderId);
  }
}
