package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.AllocationPolicy;
import dev.tradingsystem.portfolio.book.EquityCurve;
import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.ExchangeAdapter;
import dev.tradingsystem.portfolio.exchange.ExchangeEvent;
import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.market.BookValidator;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.portfolio.market.TradeValidator;
import dev.tradingsystem.portfolio.order.OrderMessages;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.msg.Metas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The portfolio without transport: approved orders in, trades and books in, orders, executions
 * and snapshots out. The verticle puts the results on the bus; tests drive this class directly.
 *
 * <p>Orders enter through the {@link OrderDesk} and are booked in the {@link OrderLedger}. An
 * order is placed at seq max(intent seq, last trade seq) and event time max(intent time, last
 * trade time), and reaches the venue after the submit latency, before the next market event at
 * the earliest. In replay the barrier guarantees an intent for market event N arrives after
 * trade N and before trade N+1, and book updates are applied only when the next trade arrives,
 * so every seq, time and book here is a pure function of the tape. Single-threaded.
 */
public final class PortfolioEngine {

  private final ExchangeAdapter exchange;
  private final PositionBook book;
  private final EquityCurve equity;
  private final AllocationPolicy allocation;
  private final InstrumentCatalog catalog;
  private final OrderDesk orders;
  private final TradeValidator tradeValidator;
  private final BookValidator bookValidator;
  private final TradingClock clock;
  private final OrderLedger ledger = new OrderLedger();
  private final List<JournalRecord> outbox = new ArrayList<>();
  private boolean journaling;
  private long recoveredUpTo;
  private long lastAlreadyApplied;
  private long alreadyApplied;
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
    this.orders = new OrderDesk(exchange, ledger, catalog, this::record);
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
    return orders.place(approved, lastTradeSeq, lastTradeTimeUs);
  }

  /**
   * Cancels the working order a CANCEL_ORDER names: see {@link OrderDesk#cancel}. Refused with
   * UNKNOWN_ORDER when it is not working or belongs to another strategy.
   */
  public Order cancel(ApprovedOrder approved) {
    return orders.cancel(approved, lastTradeSeq, lastTradeTimeUs);
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
      ledger.digest().seal(seq);
      latest = snapshot(trade.getMeta());
      return TradeOutcome.skipped(invalid.get(), latest);
    }
    advance(trade);
    List<Execution> executions = new ArrayList<>();
    Map<String, Order> updates = new LinkedHashMap<>();
    for (ExchangeEvent event : exchange.onTrade(trade)) {
      OrderTicket ticket = event.ticket();
      Order.Builder update = ledger.open(ticket.orderId()).toBuilder()
          .setMeta(Metas.derive(trade.getMeta(), ticket.orderId() + "@" + seq))
          .setFilledQuantity(event.filledQuantity());
      if (event instanceof ExchangeEvent.Fill fill) {
        bookFill(ticket.strategyId(), ticket.instrument(), ticket.side(), fill.price(), fill.quantity(), fill.feeMicros());
        executions.add(OrderMessages.execution(trade.getMeta(), fill));
        update.setStatus(fill.leavesQuantity() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED);
      } else if (event instanceof ExchangeEvent.Expiry expiry) {
        update.setStatus(OrderStatus.EXPIRED).setRejectReason(expiry.reason());
      } else if (event instanceof ExchangeEvent.Cancelled) {
        update.setStatus(OrderStatus.CANCELLED);
      }
      Order updated = update.build();
      updates.put(ticket.orderId(), updated);
      ledger.traded(updated);
    }
    mark(trade);
    List<Order> orderUpdates = List.copyOf(updates.values());
    record(new JournalRecord.TickApplied(trade, executions, orderUpdates));
    if (trade.getBarDerived() && !trade.getBarClose() && executions.isEmpty() && orderUpdates.isEmpty()) {
      // A modelled print inside a bar that changed no order: nothing decides on it, so no state
      // goes out until the bar's close (four fewer snapshots per bar for every consumer).
      return new TradeOutcome(executions, orderUpdates, null, null);
    }
    latest = snapshot(trade.getMeta());
    return new TradeOutcome(executions, orderUpdates, latest, null);
  }

  /** The latest snapshot; for one strategy, its positions, open orders and allocation only. */
  public PortfolioState state(String strategyId) {
    return PortfolioSnapshots.forStrategy(latest, strategyId, allocation);
  }

  public PortfolioState latest() {
    return latest;
  }

  public String ordersDigest() {
    return ledger.digest().hex();
  }

  public long orders() {
    return ledger.digest().count();
  }

  public long fills() {
    return ledger.fills();
  }

  public long cancels() {
    return ledger.cancels();
  }

  public long rejected() {
    return ledger.rejectedCount();
  }

  public Map<String, Long> rejectedByCode() {
    return ledger.rejectedByCode();
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
    return ledger.idempotentReplies();
  }

  /** Event time as far as the tape has gone (or wall time live). */
  public long nowMicros() {
    return clock.nowMicros();
  }

  /**
   * Rebuilds the portfolio from its journal and reconciles the result with the exchange: see
   * {@link JournalRecovery}. Call once, on a fresh engine, before any order or trade.
   */
  public Reconciliation recover(List<JournalRecord> records) {
    return JournalRecovery.recover(this, records, record -> { });
  }

  /** As {@link #recover(List)}, showing {@code observer} every record after the engine applied it. */
  public Reconciliation recover(List<JournalRecord> records, Consumer<JournalRecord> observer) {
    return JournalRecovery.recover(this, records, observer);
  }

  // Package-private steps shared by the live path and JournalRecovery.

  /** A trade moves the clock, the catalog, the last seq and time, and seals the digest's seq. */
  void advance(Trade trade) {
    clock.observe(trade.getMeta().getEventTimeUs());
    catalog.learn(trade.getInstrument());
    lastTradeSeq = trade.getMeta().getSeq();
    lastTradeTimeUs = Math.max(lastTradeTimeUs, trade.getMeta().getEventTimeUs());
    ledger.digest().seal(lastTradeSeq);
  }

  void bookFill(String strategyId, Instrument instrument, Side side, long price, long quantity, long feeMicros) {
    book.applyFill(strategyId, instrument, side, price, quantity, feeMicros);
    ledger.filled();
  }

  void mark(Trade trade) {
    book.mark(trade.getInstrument().getSymbol(), trade.getPrice());
    equity.mark(book.equityMicros());
  }

  /** Whether records were being kept; sets whether they are from now on. */
  boolean journaling(boolean on) {
    boolean was = journaling;
    journaling = on;
    return was;
  }

  /** Recovery is done: trades up to the last applied seq are skipped from now on. */
  void recovered(Meta lastTradeMeta) {
    recoveredUpTo = lastTradeSeq;
    latest = snapshot(lastTradeMeta);
  }

  OrderLedger ledger() {
    return ledger;
  }

  PositionBook positionBook() {
    return book;
  }

  ExchangeAdapter exchange() {
    return exchange;
  }

  void record(JournalRecord record) {
    if (journaling) {
      outbox.add(record);
    }
  }

  private boolean alreadyApplied(long seq) {
    return recoveredUpTo > 0 && seq > 0 && seq <= recoveredUpTo;
  }

  private PortfolioState snapshot(Meta cause) {
    return PortfolioSnapshots.of(cause, exchange, ledger, book, equity, allocation);
  }
}
