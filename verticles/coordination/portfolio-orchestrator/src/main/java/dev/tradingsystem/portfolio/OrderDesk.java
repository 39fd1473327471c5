package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.exchange.CancelAck;
import dev.tradingsystem.portfolio.exchange.ExchangeAdapter;
import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.portfolio.exchange.Submission;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.portfolio.order.OrderIntake;
import dev.tradingsystem.portfolio.order.OrderMessages;
import dev.tradingsystem.portfolio.order.Rejection;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.shared.msg.Metas;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's order entry: approved placements and cancels, checked, sent to the exchange,
 * booked in the {@link OrderLedger} and recorded for the journal. An order is placed at seq
 * max(intent seq, last trade seq) and event time max(intent time, last trade time), so its
 * priority and arrival are a pure function of the tape. Single-threaded, on the engine's thread.
 */
final class OrderDesk {

  private final ExchangeAdapter exchange;
  private final OrderLedger ledger;
  private final InstrumentCatalog catalog;
  private final OrderIntake intake;
  private final Consumer<JournalRecord> journal;

  OrderDesk(ExchangeAdapter exchange, OrderLedger ledger, InstrumentCatalog catalog, Consumer<JournalRecord> journal) {
    this.exchange = exchange;
    this.ledger = ledger;
    this.catalog = catalog;
    this.intake = new OrderIntake(catalog);
    this.journal = journal;
  }

  /** See {@link PortfolioEngine#place}. */
  Order place(ApprovedOrder approved, long lastTradeSeq, long lastTradeTimeUs) {
    OrderIntent intent = approved.getIntent();
    Order known = ledger.known(orderId(intent.getIntentId()));
    if (known != null && OrderIntake.checkApproval(approved).isEmpty()) {
      ledger.idempotentReply();
      return known;
    }
    Optional<Rejection> refusal = intake.checkNew(approved, ledger::placed);
    if (refusal.isPresent()) {
      return ledger.rejected(approved, orderId(intent.getIntentId()), refusal.get());
    }
    Instrument instrument = catalog.instrument(intent.getInstrument().getSymbol()).orElse(intent.getInstrument());
    OrderTicket requested = new OrderTicket(orderId(intent.getIntentId()), intent.getIntentId(),
        intent.getStrategyId(), instrument, intent.getSide(), intent.getType(), intent.getTimeInForce(),
        intent.getPrice(), intent.getQuantity(), Math.max(intent.getMeta().getSeq(), lastTradeSeq),
        Math.max(intent.getMeta().getEventTimeUs(), lastTradeTimeUs), intent.getReduceOnly());
    Submission submission = exchange.submit(requested);
    if (!submission.isAccepted()) {
      return ledger.rejected(approved, requested.orderId(),
          new Rejection(RejectCode.PORTFOLIO_REJECTED, submission.refusal()));
    }
    OrderTicket ticket = submission.ticket();
    Order order = OrderMessages.accepted(approved, ticket);
    ledger.accepted(ticket, order);
    journal.accept(new JournalRecord.OrderAccepted(approved, order, ticket.placedSeq(), ticket.placedTimeUs()));
    return order;
  }

  /**
   * Cancels the working order a CANCEL_ORDER names. Refused with UNKNOWN_ORDER when it is not
   * working (already filled, expired, never placed) or belongs to another strategy. With a cancel
   * latency the answer is the order as it stands (still working: it may fill until the cancel
   * lands), and its CANCELLED update goes out with the trade at which the cancel lands.
   */
  Order cancel(ApprovedOrder approved, long lastTradeSeq, long lastTradeTimeUs) {
    OrderIntent intent = approved.getIntent();
    Optional<Rejection> refusal = intake.checkCancel(approved);
    if (refusal.isPresent()) {
      return ledger.rejected(approved, intent.getCancelOrderId(), refusal.get());
    }
    String orderId = intent.getCancelOrderId();
    Order open = ledger.open(orderId);
    if (open == null || !open.getStrategyId().equals(intent.getStrategyId())) {
      String reason = open == null
          ? "order " + orderId + " is not working"
          : "order " + orderId + " belongs to another strategy";
      return ledger.rejected(approved, orderId, new Rejection(RejectCode.UNKNOWN_ORDER, reason));
    }
    long requestSeq = Math.max(intent.getMeta().getSeq(), lastTradeSeq);
    long requestTimeUs = Math.max(intent.getMeta().getEventTimeUs(), lastTradeTimeUs);
    CancelAck ack = exchange.cancel(orderId, requestSeq, requestTimeUs);
    Order.Builder answer = open.toBuilder().setMeta(Metas.derive(intent.getMeta(), orderId + "@cancel"));
    if (ack.status() == CancelAck.Status.PENDING) {
      Order working = answer.build();
      journal.accept(new JournalRecord.OrderChanged(working, requestSeq, requestTimeUs));
      return working;
    }
    if (ack.status() == CancelAck.Status.NOT_WORKING) {
      ledger.gone(orderId);
      Order rejected = ledger.rejected(approved, orderId, new Rejection(RejectCode.UNKNOWN_ORDER,
          "order " + orderId + " is no longer on the venue"));
      journal.accept(new JournalRecord.OrderChanged(rejected, 0, 0));
      return rejected;
    }
    Order cancelled = answer.setFilledQuantity(ack.order().filledQuantity()).setStatus(OrderStatus.CANCELLED).build();
    ledger.closed(cancelled);
    journal.accept(new JournalRecord.OrderChanged(cancelled, 0, 0));
    return cancelled;
  }

  /** Order id of an intent: {@code "o-" + intent id}, deterministic. */
  static String orderId(String intentId) {
    return intentId.isEmpty() ? "" : "o-" + intentId;
  }
}
