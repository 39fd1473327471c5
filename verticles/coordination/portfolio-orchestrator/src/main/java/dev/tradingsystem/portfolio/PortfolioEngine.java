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

  /** Accepts an approved NEW_ORDER onto the exchange, or returns it REJECTED with a code and reason. */
  public Order place(ApprovedOrder approved) {
    OrderIntent intent = approved.getIntent();
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
    CancelAck ack = exchange.cancel(orderId, Math.max(intent.getMeta().getSeq(), lastTradeSeq),
        Math.max(intent.getMeta().getEventTimeUs(), lastTradeTimeUs));
    Order.Builder answer = open.toBuilder().setMeta(Metas.derive(intent.getMeta(), orderId + "@cancel"));
    if (ack.status() == CancelAck.Status.PENDING) {
      return answer.build();
    }
    openOrders.remove(orderId);
    if (ack.status() == CancelAck.Status.NOT_WORKING) {
      return rejectedOrder(approved, orderId, new Rejection(RejectCode.UNKNOWN_ORDER,
          "order " + orderId + " is no longer on the venue"));
    }
    cancels++;
    return answer.setFilledQuantity(ack.order().filledQuantity()).setStatus(OrderStatus.CANCELLED).build();
  }

  /**
   * Takes a book snapshot from {@code market.books}; it is applied when the next trade arrives.
   *
   * @return why it was refused (a metric tag), or empty
   */
  public Optional<String> onBook(BookSnapshot snapshot) {
    Optional<String> invalid = bookValidator.check(snapshot);
    if (invalid.isPresent()) {
      return invalid;
    }
    catalog.learn(snapshot.getInstrument());
    return exchange.onBook(snapshot);
  }

  /** Takes a book delta from {@code market.books}; refused on bad levels, gaps and stale updates. */
  public Optional<String> onBook(BookDelta delta) {
    Optional<String> invalid = bookValidator.check(delta);
    return invalid.isPresent() ? invalid : exchange.onBook(delta);
  }

  /** Matches, books fills, marks to market and snapshots: everything one trade does. */
  public TradeOutcome onTrade(Trade trade) {
    long seq = trade.getMeta().getSeq();
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
      if (updated.getStatus() == OrderStatus.PARTIALLY_FILLED) {
        openOrders.put(ticket.orderId(), updated);
      } else {
        openOrders.remove(ticket.orderId());
      }
    }
    book.mark(trade.getInstrument().getSymbol(), trade.getPrice());
    equity.mark(book.equityMicros());
    latest = snapshot(trade.getMeta());
    return new TradeOutcome(executions, List.copyOf(updates.values()), latest, null);
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

  /** Event time as far as the tape has gone (or wall time live). */
  public long nowMicros() {
    return clock.nowMicros();
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
