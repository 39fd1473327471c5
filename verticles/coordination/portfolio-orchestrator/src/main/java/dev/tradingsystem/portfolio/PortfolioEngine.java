package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.AllocationPolicy;
import dev.tradingsystem.portfolio.book.EquityCurve;
import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.ExchangeAdapter;
import dev.tradingsystem.portfolio.exchange.ExchangeEvent;
import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.portfolio.exchange.WorkingOrder;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.portfolio.market.TradeValidator;
import dev.tradingsystem.portfolio.order.OrderIntake;
import dev.tradingsystem.portfolio.order.OrdersDigest;
import dev.tradingsystem.portfolio.order.Rejection;
import dev.tradingsystem.proto.ApprovedOrder;
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
 * The portfolio without transport: approved orders in, trades in, orders, executions and
 * snapshots out. The verticle puts the results on the bus; tests drive this class directly.
 *
 * <p>An order is placed at seq max(intent seq, last trade seq) and becomes eligible from the
 * next trade. In replay the barrier guarantees an intent for market event N arrives after trade
 * N and before trade N+1, so every seq here is a pure function of the tape. Single-threaded.
 */
public final class PortfolioEngine {

  private final ExchangeAdapter exchange;
  private final PositionBook book;
  private final EquityCurve equity;
  private final AllocationPolicy allocation;
  private final InstrumentCatalog catalog;
  private final OrderIntake intake;
  private final TradeValidator tradeValidator;
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
    OrderTicket ticket = new OrderTicket(orderId(intent.getIntentId()), intent.getIntentId(), intent.getStrategyId(),
        instrument, intent.getSide(), intent.getType(), intent.getTimeInForce(), intent.getPrice(),
        intent.getQuantity(), Math.max(intent.getMeta().getSeq(), lastTradeSeq));
    Optional<String> venueRefusal = exchange.submit(ticket);
    if (venueRefusal.isPresent()) {
      return rejectedOrder(approved, ticket.orderId(), new Rejection(RejectCode.PORTFOLIO_REJECTED, venueRefusal.get()));
    }
    placedIntents.add(intent.getIntentId());
    strategies.add(intent.getStrategyId());
    digest.record(ticket);
    Order order = Order.newBuilder()
        .setMeta(Metas.derive(intent.getMeta(), ticket.orderId()))
        .setOrderId(ticket.orderId())
        .setIntentId(ticket.intentId())
        .setStrategyId(ticket.strategyId())
        .setInstrument(instrument)
        .setSide(ticket.side())
        .setType(ticket.type())
        .setTimeInForce(ticket.timeInForce())
        .setPrice(ticket.price())
        .setQuantity(ticket.quantity())
        .setStatus(OrderStatus.ACCEPTED)
        .setApprovalId(approved.getApproval().getApprovalId())
        .build();
    openOrders.put(ticket.orderId(), order);
    return order;
  }

  /**
   * Cancels the working order a CANCEL_ORDER names. Refused with UNKNOWN_ORDER when it is not
   * working (already filled, expired, never placed) or belongs to another strategy.
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
    Optional<WorkingOrder> removed = exchange.cancel(orderId);
    openOrders.remove(orderId);
    cancels++;
    return open.toBuilder()
        .setMeta(Metas.derive(intent.getMeta(), orderId + "@cancel"))
        .setFilledQuantity(removed.map(WorkingOrder::filledQuantity).orElse(open.getFilledQuantity()))
        .setStatus(OrderStatus.CANCELLED)
        .build();
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
        executions.add(execution(trade.getMeta(), fill));
        update.setStatus(fill.leavesQuantity() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED);
      } else if (event instanceof ExchangeEvent.Expiry expiry) {
        update.setStatus(OrderStatus.EXPIRED).setRejectReason(expiry.reason());
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

  public long lastTradeSeq() {
    return lastTradeSeq;
  }

  /** Event time as far as the tape has gone (or wall time live). */
  public long nowMicros() {
    return clock.nowMicros();
  }

  private Execution execution(Meta tradeMeta, ExchangeEvent.Fill fill) {
    OrderTicket ticket = fill.ticket();
    String executionId = "x-" + ticket.orderId() + "-" + fill.fillNumber();
    return Execution.newBuilder()
        .setMeta(Metas.derive(tradeMeta, executionId))
        .setExecutionId(executionId)
        .setOrderId(ticket.orderId())
        .setStrategyId(ticket.strategyId())
        .setInstrument(ticket.instrument())
        .setSide(ticket.side())
        .setPrice(fill.price())
        .setQuantity(fill.quantity())
        .setFeeMicros(fill.feeMicros())
        .setLiquidity(fill.liquidity())
        .setLeavesQuantity(fill.leavesQuantity())
        .build();
  }

  private Order rejectedOrder(ApprovedOrder approved, String orderId, Rejection rejection) {
    rejected++;
    rejectedByCode.merge(rejection.code().name(), 1L, Long::sum);
    OrderIntent intent = approved.getIntent();
    return Order.newBuilder()
        .setMeta(Metas.derive(intent.getMeta(), orderId + "@rejected"))
        .setOrderId(orderId)
        .setIntentId(intent.getIntentId())
        .setStrategyId(intent.getStrategyId())
        .setInstrument(intent.getInstrument())
        .setSide(intent.getSide())
        .setType(intent.getType())
        .setTimeInForce(intent.getTimeInForce())
        .setPrice(intent.getPrice())
        .setQuantity(intent.getQuantity())
        .setStatus(OrderStatus.REJECTED)
        .setApprovalId(approved.getApproval().getApprovalId())
        .setRejectCode(rejection.code())
        .setRejectReason(rejection.reason())
        .build();
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
