package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.AllocationPolicy;
import dev.tradingsystem.portfolio.book.EquityCurve;
import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.CancelAck;
import dev.tradingsystem.portfolio.exchange.ExchangeAdapter;
import dev.tradingsystem.portfolio.exchange.ExchangeEvent;
import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.portfolio.exchange.Submission;
import dev.tradingsystem.portfolio.exchange.WorkingOrder;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.market.BookValidator;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.portfolio.market.TradeValidator;
import dev.tradingsystem.portfolio.order.OrderIntake;
import dev.tradingsystem.portfolio.order.OrderMessages;
import dev.tradingsystem.portfolio.order.OrdersDigest;
import dev.tradingsystem.portfolio.order.Rejection;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.msg.Metas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The portfolio without transport: approved orders in, trades and books in, orders, executions
 * and snapshots out. The verticle puts the results on the bus; tests drive this class directly.
 *
 * <p>An order is placed at seq max(intent seq, last trade seq) and event time max(intent time,
 * last trade time), and reaches the venue after the submit latency, before the next market event
 * at the earliest. In replay the barrier guarantees an intent for market event N arrives after
 * trade N and before trade N+1, and book updates are applied only when the next trade arrives,
 * so every seq, time and book here is a pure function of the tape. Single-threaded.
 */
public final class PortfolioEngine {

  private final ExchangeAdapter exchange;
  private final PositionBook book;
  private final EquityCurve equity;
  private final AllocationPolicy allocation;
  private final InstrumentCatalog catalog;
  private final OrderIntake intake;
  private final TradeValidator tradeValidator;
  private final BookValidator bookValidator;
  private final TradingClock clock;
  private final OrdersDigest digest = new OrdersDigest();
  private final Map<String, Order> openOrders = new HashMap<>();
  private final Set<String> placedIntents = new HashSet<>();
  /** Every accepted order's latest known state: a retried placement is answered from here. */
  private final Map<String, Order> knownOrders = new HashMap<>();
  private final List<JournalRecord> outbox = new ArrayList<>();
  private boolean journaling;
  private long recoveredUpTo;
  private long lastAlreadyApplied;
  private long alreadyApplied;
  private long idempotentReplies;
  private final SortedSet<String> strategies = new TreeSet<>();
  private final SortedMap<String, Long> rejectedByCode = new TreeMap<>();
  private long fills;
  private long cancels;
  private long rejected;
  private long lastTradeSeq;
  private long lastTradeTimeUs;
  private PortfolioState latest;

  public PortfolioEngine(ExchangeAdapter exchange, PositionBook book, AllocationPolicy allocation,
      InstrumentCatalog catalog, TradingClock clock) {
    this.exchange = exchange;
    this.book = book;
    this.allocation = allocation;
    this.catalog = catalog;
    this.clock = clock;
    this.equity = new EquityCurve(book.equityMicros());
    this.intake = new OrderIntake(catalog);
    this.tradeValidator = new TradeValidator(catalog);
    this.bookValidator = new BookValidator(catalog);
    this.latest = snapshot(Meta.newBuilder().setId("ps-0").build());
  }

  /**
   * From now on every change is also recorded for the journal; {@link #drainJournal()} hands the
   * records over in the order they happened. Off by default (backtests keep no journal).
   */
  public void journalChanges() {
    journaling = true;
  }

  /** The journal records of every change since the last call, in order. */
  public List<JournalRecord> drainJournal() {
    if (outbox.isEmpty()) {
      return List.of();
    }
    List<JournalRecord> drained = List.copyOf(outbox);
    outbox.clear();
    return drained;
  }

  /**
   * Accepts an approved NEW_ORDER onto the exchange, or returns it REJECTED with a code and reason.
   * Idempotent: an approved intent whose order was accepted before (in this process or, after a
   * restart, in the journal) is answered with that order as it stands, and nothing is placed.
   */
  public Order place(ApprovedOrder approved) {
    OrderIntent intent = approved.getIntent();
    Order known = knownOrders.get(orderId(intent.getIntentId()));
    if (known != null && OrderIntake.checkApproval(approved).isEmpty()) {
      idempotentReplies++;
      return known;
    }
    Optional<Rejection> refusal = intake.checkNew(approved, placedIntents::contains);
    if (refusal.isPresent()) {
      return rejectedOrder(approved, orderId(intent.getIntentId()), refusal.get());
    }
    Instrument instrument = catalog.instrument(intent.getInstrument().getSymbol()).orElse(intent.getInstrument());
    OrderTicket requested = new OrderTicket(orderId(intent.getIntentId()), intent.getIntentId(),
        intent.getStrategyId(), instrument, intent.getSide(), intent.getType(), intent.getTimeInForce(),
        intent.getPrice(), intent.getQuantity(), Math.max(intent.getMeta().getSeq(), lastTradeSeq),
        Math.max(intent.getMeta().getEventTimeUs(), lastTradeTimeUs), intent.getReduceOnly());
    Submission submission = exchange.submit(requested);
    if (!submission.isAccepted()) {
      return rejectedOrder(approved, requested.orderId(), new Rejection(RejectCode.PORTFOLIO_REJECTED, submission.refusal()));
    }
    OrderTicket ticket = submission.ticket();
    placedIntents.add(intent.getIntentId());
    strategies.add(intent.getStrategyId());
    digest.record(ticket);
    Order order = OrderMessages.accepted(approved, ticket);
    openOrders.put(ticket.orderId(), order);
    knownOrders.put(ticket.orderId(), order);
    record(new JournalRecord.OrderAccepted(approved, order, ticket.placedSeq(), ticket.placedTimeUs()));
    return order;
  }

  /**
   * Cancels the working order a CANCEL_ORDER names. Refused with UNKNOWN_ORDER when it is not
   * working (already filled, expired, never placed) or belongs to another strategy. With a cancel
   * latency the answer is the order as it stands (still working: it may fill until the cancel
   * lands), and its CANCELLED update goes out with the trade at which the cancel lands.
   */
  public Order cancel(ApprovedOrder approved) {
    OrderIntent intent = approved.getIntent();
    Optional<Rejection> refusal = intake.checkCancel(approved);
    if (refusal.isPresent()) {
      return rejectedOrder(approved, intent.getCancelOrderId(), refusal.get());
    }
    String orderId = intent.getCancelOrderId();
    Order open = openOrders.get(orderId);
    if (open == null || !open.getStrategyId().equals(intent.getStrategyId())) {
      String reason = open == null
          ? "order " + orderId + " is not working"
          : "order " + orderId + " belongs to another strategy";
      return rejectedOrder(approved, orderId, new Rejection(RejectCode.UNKNOWN_ORDER, reason));
    }
    long requestSeq = Math.max(intent.getMeta().getSeq(), lastTradeSeq);
    long requestTimeUs = Math.max(intent.getMeta().getEventTimeUs(), lastTradeTimeUs);
    CancelAck ack = exchange.cancel(orderId, requestSeq, requestTimeUs);
    Order.Builder answer = open.toBuilder().setMeta(Metas.derive(intent.getMeta(), orderId + "@cancel"));
    if (ack.status() == CancelAck.Status.PENDING) {
      Order working = answer.build();
      record(new JournalRecord.OrderChanged(working, requestSeq, requestTimeUs));
      return working;
    }
    openOrders.remove(orderId);
    if (ack.status() == CancelAck.Status.NOT_WORKING) {
      Order rejected = rejectedOrder(approved, orderId, new Rejection(RejectCode.UNKNOWN_ORDER,
          "order " + orderId + " is no longer on the venue"));
      record(new JournalRecord.OrderChanged(rejected, 0, 0));
      return rejected;
    }
    cancels++;
    Order cancelled = answer.setFilledQuantity(ack.order().filledQuantity()).setStatus(OrderStatus.CANCELLED).build();
    knownOrders.put(orderId, cancelled);
    record(new JournalRecord.OrderChanged(cancelled, 0, 0));
    return cancelled;
  }

  /**
   * Takes a book snapshot from {@code market.books}; it is applied when the next trade arrives.
   *
   * @return why it was refused (a metric tag), or empty
   */
  public Optional<String> onBook(BookSnapshot snapshot) {
    if (alreadyApplied(snapshot.getMeta().getSeq())) {
      return Optional.empty();
    }
    Optional<String> invalid = bookValidator.check(snapshot);
    if (invalid.isPresent()) {
      return invalid;
    }
    catalog.learn(snapshot.getInstrument());
    return exchange.onBook(snapshot);
  }

  /** Takes a book delta from {@code market.books}; refused on bad levels, gaps and stale updates. */
  public Optional<String> onBook(BookDelta delta) {
    if (alreadyApplied(delta.getMeta().getSeq())) {
      return Optional.empty();
    }
    Optional<String> invalid = bookValidator.check(delta);
    return invalid.isPresent() ? invalid : exchange.onBook(delta);
  }

  /**
   * Matches, books fills, marks to market and snapshots: everything one trade does. After a
   * restart, a trade the journal says was applied is skipped: it gets the recovered state
   * (stamped with its seq, so the frameworks waiting on that seq go on) and no fill.
   */
  public TradeOutcome onTrade(Trade trade) {
    long seq = trade.getMeta().getSeq();
    if (alreadyApplied(seq)) {
      if (seq <= lastAlreadyApplied) {
        return TradeOutcome.skipped("stale_seq", null);
      }
      lastAlreadyApplied = seq;
      alreadyApplied++;
      return new TradeOutcome(List.of(), List.of(),
          latest.toBuilder().setMeta(Metas.derive(trade.getMeta(), "ps-" + seq)).build(), null);
    }
    Optional<String> invalid = tradeValidator.check(trade);
    if (invalid.isEmpty() && seq <= lastTradeSeq) {
      invalid = Optional.of("stale_seq");
    }
    if (invalid.isPresent()) {
      // A new seq still gets its state, unchanged, so frameworks waiting on it are not stalled.
      if (seq <= lastTradeSeq) {
        return TradeOutcome.skipped(invalid.get(), null);
      }
      lastTradeSeq = seq;
      digest.seal(seq);
      latest = snapshot(trade.getMeta());
      return TradeOutcome.skipped(invalid.get(), latest);
    }
    clock.observe(trade.getMeta().getEventTimeUs());
    catalog.learn(trade.getInstrument());
    lastTradeSeq = seq;
    lastTradeTimeUs = Math.max(lastTradeTimeUs, trade.getMeta().getEventTimeUs());
    digest.seal(seq);
    List<Execution> executions = new ArrayList<>();
    Map<String, Order> updates = new LinkedHashMap<>();
    for (ExchangeEvent event : exchange.onTrade(trade)) {
      OrderTicket ticket = event.ticket();
      Order.Builder update = openOrders.get(ticket.orderId()).toBuilder()
          .setMeta(Metas.derive(trade.getMeta(), ticket.orderId() + "@" + seq))
          .setFilledQuantity(event.filledQuantity());
      if (event instanceof ExchangeEvent.Fill fill) {
        book.applyFill(ticket.strategyId(), ticket.instrument(), ticket.side(), fill.price(), fill.quantity(), fill.feeMicros());
        fills++;
        executions.add(OrderMessages.execution(trade.getMeta(), fill));
        update.setStatus(fill.leavesQuantity() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED);
      } else if (event instanceof ExchangeEvent.Expiry expiry) {
        update.setStatus(OrderStatus.EXPIRED).setRejectReason(expiry.reason());
      } else if (event instanceof ExchangeEvent.Cancelled) {
        update.setStatus(OrderStatus.CANCELLED);
        cancels++;
      }
      Order updated = update.build();
      updates.put(ticket.orderId(), updated);
      knownOrders.put(ticket.orderId(), updated);
      if (updated.getStatus() == OrderStatus.PARTIALLY_FILLED) {
        openOrders.put(ticket.orderId(), updated);
      } else {
        openOrders.remove(ticket.orderId());
      }
    }
    book.mark(trade.getInstrument().getSymbol(), trade.getPrice());
    equity.mark(book.equityMicros());
    latest = snapshot(trade.getMeta());
    List<Order> orderUpdates = List.copyOf(updates.values());
    record(new JournalRecord.TickApplied(trade, executions, orderUpdates));
    return new TradeOutcome(executions, orderUpdates, latest, null);
  }

  /** The latest snapshot; for one strategy, its positions, open orders and allocation only. */
  public PortfolioState state(String strategyId) {
    if (strategyId == null || strategyId.isEmpty()) {
      return latest;
    }
    return latest.toBuilder()
        .clearPositions().addAllPositions(latest.getPositionsList().stream()
            .filter(p -> p.getStrategyId().equals(strategyId)).toList())
        .clearOpenOrders().addAllOpenOrders(latest.getOpenOrdersList().stream()
            .filter(o -> o.getStrategyId().equals(strategyId)).toList())
        .clearAllocations().addAllocations(allocation.allocationFor(strategyId))
        .build();
  }

  public PortfolioState latest() {
    return latest;
  }

  public String ordersDigest() {
    return digest.hex();
  }

  public long orders() {
    return digest.count();
  }

  public long fills() {
    return fills;
  }

  public long cancels() {
    return cancels;
  }

  public long rejected() {
    return rejected;
  }

  public Map<String, Long> rejectedByCode() {
    return Collections.unmodifiableSortedMap(rejectedByCode);
  }

  /** Book updates the exchange refused or dropped, by reason. */
  public Map<String, Long> bookIssues() {
    return exchange.bookIssues();
  }

  public long lastTradeSeq() {
    return lastTradeSeq;
  }

  /** The last market seq the journal had applied when this engine was recovered; 0 when it was not. */
  public long recoveredUpTo() {
    return recoveredUpTo;
  }

  /** Trades skipped after a restart because the journal had applied them. */
  public long alreadyAppliedTrades() {
    return alreadyApplied;
  }

  /** Placements answered with an order accepted before (retries, or a restarted caller's ids). */
  public long idempotentReplies() {
    return idempotentReplies;
  }

  /**
   * Rebuilds the portfolio from its journal and reconciles the result with the exchange: see
   * {@link JournalRecovery}. Call once, on a fresh engine, before any order or trade.
   */
  public Reconciliation recover(List<JournalRecord> records) {
    if (lastTradeSeq != 0 || !knownOrders.isEmpty()) {
      throw new IllegalStateException("recover() runs on a fresh engine only");
    }
    boolean wasJournaling = journaling;
    journaling = false;
    JournalRecovery recovery = new JournalRecovery(this);
    records.forEach(recovery::apply);
    journaling = wasJournaling;
    Reconciliation reconciliation = recovery.reconcile(exchange, records.size());
    recoveredUpTo = lastTradeSeq;
    latest = snapshot(recovery.lastTradeMeta());
    return reconciliation;
  }

  // Package-private steps of JournalRecovery: the same bookkeeping as live, without matching.

  void recoverAccepted(OrderTicket ticket, Order order) {
    placedIntents.add(ticket.intentId());
    strategies.add(ticket.strategyId());
    digest.record(ticket);
    openOrders.put(ticket.orderId(), order);
    knownOrders.put(ticket.orderId(), order);
  }

  /** An order update from a tick or outside one; true when the order is done (no longer working). */
  boolean recoverUpdate(Order order) {
    String orderId = order.getOrderId();
    if (order.getStatus() != OrderStatus.REJECTED) {
      knownOrders.put(orderId, order);
    }
    boolean working = order.getStatus() == OrderStatus.ACCEPTED || order.getStatus() == OrderStatus.PARTIALLY_FILLED;
    if (working) {
      openOrders.computeIfPresent(orderId, (id, old) -> order);
      return false;
    }
    openOrders.remove(orderId);
    if (order.getStatus() == OrderStatus.CANCELLED) {
      cancels++;
    }
    return true;
  }

  void recoverTick(Trade trade, List<Execution> executions) {
    clock.observe(trade.getMeta().getEventTimeUs());
    catalog.learn(trade.getInstrument());
    lastTradeSeq = trade.getMeta().getSeq();
    lastTradeTimeUs = Math.max(lastTradeTimeUs, trade.getMeta().getEventTimeUs());
    digest.seal(lastTradeSeq);
    for (Execution fill : executions) {
      book.applyFill(fill.getStrategyId(), fill.getInstrument(), fill.getSide(), fill.getPrice(), fill.getQuantity(),
          fill.getFeeMicros());
      fills++;
    }
  }

  void recoverMark(Trade trade) {
    book.mark(trade.getInstrument().getSymbol(), trade.getPrice());
    equity.mark(book.equityMicros());
  }

  /** An order the venue lost across the restart: EXPIRED, journaled, published by the caller. */
  Order expireLost(Order open, String reason) {
    Order expired = open.toBuilder().setStatus(OrderStatus.EXPIRED).setRejectReason(reason).build();
    openOrders.remove(open.getOrderId());
    knownOrders.put(open.getOrderId(), expired);
    record(new JournalRecord.OrderChanged(expired, 0, 0));
    return expired;
  }

  Map<String, Order> openOrdersView() {
    return Collections.unmodifiableMap(openOrders);
  }

  PositionBook positionBook() {
    return book;
  }

  private boolean alreadyApplied(long seq) {
    return recoveredUpTo > 0 && seq > 0 && seq <= recoveredUpTo;
  }

  private void record(JournalRecord record) {
    if (journaling) {
      outbox.add(record);
    }
  }

  /** Event time as far as the tape has gone (or wall time live). */
  public long nowMicros() {
    return clock.nowMicros();
  }

  static OrderTicket ticketOf(JournalRecord.OrderAccepted accepted) {
    Order order = accepted.order();
    return new OrderTicket(order.getOrderId(), order.getIntentId(), order.getStrategyId(), order.getInstrument(),
        order.getSide(), order.getType(), order.getTimeInForce(), order.getPrice(), order.getQuantity(),
        accepted.placedSeq(), accepted.placedTimeUs(), accepted.approved().getIntent().getReduceOnly());
  }

  private Order rejectedOrder(ApprovedOrder approved, String orderId, Rejection rejection) {
    rejected++;
    rejectedByCode.merge(rejection.code().name(), 1L, Long::sum);
    return OrderMessages.rejected(approved, orderId, rejection);
  }

  private PortfolioState snapshot(Meta cause) {
    List<Order> open = new ArrayList<>(openOrders.size());
    for (WorkingOrder working : exchange.workingOrders()) {
      Order order = openOrders.get(working.ticket().orderId());
      if (order != null) {
        open.add(order);
      }
    }
    return PortfolioState.newBuilder()
        .setMeta(Metas.derive(cause, "ps-" + cause.getSeq()))
        .setCashMicros(book.cashMicros())
        .setEquityMicros(book.equityMicros())
        .setRealizedPnlMicros(book.realizedMicros())
        .setUnrealizedPnlMicros(book.unrealizedMicros())
        .setFeesMicros(book.feesMicros())
        .setPeakEquityMicros(equity.peakMicros())
        .setDrawdown(equity.drawdown())
        .setMaxDrawdown(equity.maxDrawdown())
        .addAllPositions(book.positions(null))
        .addAllOpenOrders(open)
        .addAllAllocations(allocation.allocations(strategies))
        .setOrders(digest.count())
        .setFills(fills)
        .build();
  }

  private static String orderId(String intentId) {
    return intentId.isEmpty() ? "" : "o-" + intentId;
  }
}
