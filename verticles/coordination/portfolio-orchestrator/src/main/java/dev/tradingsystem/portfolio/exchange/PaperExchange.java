package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic paper venue over the replayed tape: trades always, L2 books where the data has
 * them. The README of this module has the full fill model as a trader reads it; in short:
 * <ul>
 *   <li>An order reaches the venue at placement time + {@code submitLatencyUs} (event time), and
 *       never before the market event after the one it was placed on. A cancel lands at its time
 *       + {@code cancelLatencyUs}; until then the order can still fill.</li>
 *   <li>Arriving with a synced book for its symbol, it is matched by {@link BookMatcher}: takers
 *       walk the levels, resting orders queue behind the displayed size ({@link ProbabilisticQueue}).
 *       Arriving without one (trade-only data), it is matched by {@link TapeMatcher}, the classic
 *       trade-through rules. An order keeps the model it arrived under.</li>
 *   <li>POST_ONLY is refused at placement when it would cross the book (or, without a book, the
 *       last trade), and dropped on arrival when it would take. A reduce-only order is refused when
 *       it would open or add to the strategy's position, clipped to the position when larger, and
 *       dropped when the position is flat.</li>
 *   <li>Priority: market orders, then bids best price first, then offers best price first; at
 *       one price by (placement seq, intent id). Never call order, so two replays of the same
 *       tape give the same fills whichever framework's call came first.</li>
 *   <li>Book updates are held until the next trade ({@link BookFeed}) and applied then in seq
 *       order, so the book an order meets depends on the tape alone. A print removes the levels it
 *       went through ({@link L2Book#trimThrough}).</li>
 * </ul>
 */
public final class PaperExchange implements ExchangeAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(PaperExchange.class);

  static final Comparator<WorkingOrder> PRIORITY = Comparator
      .comparingInt((WorkingOrder o) -> rank(o.ticket()))
      .thenComparingLong(o -> priceKey(o.ticket()))
      .thenComparingLong(o -> o.ticket().placedSeq())
      .thenComparing(o -> o.ticket().intentId())
      .thenComparing(o -> o.ticket().orderId());

  private final PaperExchangeConfig config;
  private final FillDesk desk;
  private final TapeMatcher tape;
  private final BookMatcher bookMatcher;
  private final BookFeed feed;
  private final PendingActions inFlight = new PendingActions();
  private final Map<String, WorkingOrder> byId = new HashMap<>();
  private final Map<String, SymbolMarket> markets = new TreeMap<>();
  private final List<ExchangeEvent> carried = new ArrayList<>();
  private long venueTimeUs;

  public PaperExchange(PaperExchangeConfig config) {
    this(config, BookFeed.DEFAULT_BUFFER_LIMIT);
  }

  PaperExchange(PaperExchangeConfig config, int bookBufferLimit) {
    this.config = config;
    this.desk = new FillDesk(config.fees());
    this.tape = new TapeMatcher(config.halfSpreadBps(), desk);
    this.bookMatcher = new BookMatcher(desk, new ProbabilisticQueue(config.queuePower()));
    this.feed = new BookFeed(bookBufferLimit);
  }

  @Override
  public Submission submit(OrderTicket ticket) {
    if (byId.containsKey(ticket.orderId())) {
      return Submission.refused("order " + ticket.orderId() + " is already working");
    }
    OrderTicket accepted = ticket;
    if (ticket.reduceOnly()) {
      long reducible = desk.reducible(ticket.strategyId(), ticket.symbol(), ticket.side());
      if (reducible == 0) {
        return Submission.refused("reduce-only " + ticket.side() + " would open or add to the position of "
            + desk.position(ticket.strategyId(), ticket.symbol()));
      }
      accepted = ticket.quantity() > reducible ? ticket.withQuantity(reducible) : ticket;
    }
    Optional<String> crossing = postOnlyCrossing(accepted);
    if (crossing.isPresent()) {
      return Submission.refused(crossing.get());
    }
    byId.put(accepted.orderId(), new WorkingOrder(accepted));
    inFlight.add(new PendingActions.Action(Math.max(accepted.placedTimeUs(), venueTimeUs) + config.submitLatencyUs(),
        accepted.placedSeq(), PendingActions.Kind.ARRIVE, accepted.orderId()));
    return Submission.accepted(accepted);
  }

  @Override
  public Submission restore(OrderTicket ticket, long filledQuantity, int fills) {
    if (byId.containsKey(ticket.orderId())) {
      return Submission.refused("order " + ticket.orderId() + " is already working");
    }
    if (filledQuantity < 0 || filledQuantity >= ticket.quantity()) {
      return Submission.refused("order " + ticket.orderId() + " has nothing left to fill (" + filledQuantity + " of "
          + ticket.quantity() + ")");
    }
    WorkingOrder order = new WorkingOrder(ticket);
    order.restoreFills(filledQuantity, fills);
    byId.put(ticket.orderId(), order);
    inFlight.add(new PendingActions.Action(Math.max(ticket.placedTimeUs(), venueTimeUs) + config.submitLatencyUs(),
        ticket.placedSeq(), PendingActions.Kind.ARRIVE, ticket.orderId()));
    return Submission.accepted(ticket);
  }

  @Override
  public void restorePosition(String strategyId, String symbol, long signedQuantity) {
    desk.restorePosition(strategyId, symbol, signedQuantity);
  }

  @Override
  public CancelAck cancel(String orderId, long requestSeq, long requestTimeUs) {
    WorkingOrder order = byId.get(orderId);
    if (order == null) {
      return CancelAck.notWorking();
    }
    if (config.cancelLatencyUs() == 0) {
      remove(order);
      return new CancelAck(CancelAck.Status.CANCELLED, order);
    }
    if (!order.cancelPending()) {
      order.cancelRequested();
      inFlight.add(new PendingActions.Action(Math.max(requestTimeUs, venueTimeUs) + config.cancelLatencyUs(),
          requestSeq, PendingActions.Kind.CANCEL, orderId));
    }
    return new CancelAck(CancelAck.Status.PENDING, order);
  }

  @Override
  public Optional<String> onBook(BookSnapshot snapshot) {
    Optional<String> refusal = feed.offer(snapshot);
    applyOverflow();
    return refusal;
  }

  @Override
  public Optional<String> onBook(BookDelta delta) {
    Optional<String> refusal = feed.offer(delta);
    applyOverflow();
    return refusal;
  }

  @Override
  public List<ExchangeEvent> onTrade(Trade trade) {
    List<ExchangeEvent> events = new ArrayList<>(carried);
    carried.clear();
    long seq = trade.getMeta().getSeq();
    feed.drainBefore(seq, update -> apply(update, events));
    feed.tradeSeen(seq);
    land(seq, trade.getMeta().getEventTimeUs(), events);
    SymbolMarket market = market(trade.getInstrument().getSymbol());
    market.lastTradePrice = trade.getPrice();
    if (!market.live.isEmpty()) {
      int from = events.size();
      tape.match(trade, List.copyOf(market.live), events);
      settle(events, from);
      from = events.size();
      bookMatcher.onPrint(trade, market, events);
      settle(events, from);
    }
    if (market.book.synced()) {
      market.book.trimThrough(trade.getPrice(), listener(market));
    }
    return events;
  }

  @Override
  public List<WorkingOrder> workingOrders() {
    List<WorkingOrder> all = new ArrayList<>(byId.values());
    all.sort(Comparator.comparing((WorkingOrder o) -> o.ticket().symbol()).thenComparing(PRIORITY));
    return all;
  }

  /** A working order by id (in flight or at the venue). */
  public Optional<WorkingOrder> order(String orderId) {
    return Optional.ofNullable(byId.get(orderId));
  }

  /** True while the symbol's book is built from a snapshot and every update since applied cleanly. */
  public boolean bookSynced(String symbol) {
    SymbolMarket market = markets.get(symbol);
    return market != null && market.book.synced();
  }

  @Override
  public SortedMap<String, Long> bookIssues() {
    return feed.issues();
  }

  private Optional<String> postOnlyCrossing(OrderTicket ticket) {
    SymbolMarket market = markets.get(ticket.symbol());
    if (ticket.timeInForce() != TimeInForce.POST_ONLY || market == null) {
      return Optional.empty();
    }
    if (market.book.synced()) {
      long best = market.book.best(BookMatcher.opposite(ticket.side()));
      if (best != 0 && (ticket.isBuy() ? ticket.price() >= best : ticket.price() <= best)) {
        return Optional.of("post-only " + ticket.side() + " at " + ticket.price() + " would cross the book at " + best);
      }
      return Optional.empty();
    }
    long last = market.lastTradePrice;
    if (last != 0 && (ticket.isBuy() ? ticket.price() >= last : ticket.price() <= last)) {
      return Optional.of("post-only " + ticket.side() + " at " + ticket.price() + " would cross the last trade at " + last);
    }
    return Optional.empty();
  }

  /** Moves venue time to a market event and lands what was in flight before it. */
  private void land(long seq, long timeUs, List<ExchangeEvent> events) {
    venueTimeUs = Math.max(venueTimeUs, timeUs);
    if (inFlight.isEmpty()) {
      return;
    }
    for (PendingActions.Action action : inFlight.landedBefore(venueTimeUs, seq)) {
      WorkingOrder order = byId.get(action.orderId());
      if (order == null) {
        continue;
      }
      int from = events.size();
      if (action.kind() == PendingActions.Kind.CANCEL) {
        events.add(new ExchangeEvent.Cancelled(order.ticket(), order.filledQuantity()));
      } else {
        arrive(order, events);
      }
      settle(events, from);
    }
  }

  private void arrive(WorkingOrder order, List<ExchangeEvent> events) {
    SymbolMarket market = market(order.ticket().symbol());
    if (market.book.synced()) {
      if (bookMatcher.arrive(order, market, events)) {
        market.live.add(order);
      }
    } else {
      order.arrive(WorkingOrder.FillModel.TRADE_TAPE);
      market.live.add(order);
    }
  }

  private void apply(BookFeed.Update update, List<ExchangeEvent> events) {
    land(update.seq(), update.timeUs(), events);
    SymbolMarket market = market(update.symbol());
    L2Book.LevelListener listener = listener(market);
    boolean clean;
    if (update.message() instanceof BookSnapshot snapshot) {
      clean = market.book.replace(snapshot.getBidsList(), snapshot.getAsksList(), listener);
    } else if (update.message() instanceof BookDelta delta && market.book.synced()) {
      clean = market.book.update(delta.getBidsList(), delta.getAsksList(), listener);
    } else {
      market.book.reset();
      return;
    }
    if (!clean) {
      feed.count("crossed_book");
      LOG.warn("{} book crossed or locked after update seq {}: reset until the next snapshot",
          update.symbol(), update.seq());
      return;
    }
    int from = events.size();
    bookMatcher.afterUpdate(market, events);
    settle(events, from);
  }

  private L2Book.LevelListener listener(SymbolMarket market) {
    return (side, price, before, after) -> bookMatcher.onLevel(market, side, price, before, after);
  }

  /** A flood of book updates without a trade between: the oldest is applied now, its fills go out with the next trade. */
  private void applyOverflow() {
    feed.overflow().ifPresent(update -> apply(update, carried));
  }

  /** Orders that finished in {@code events[from..]} leave the venue. */
  private void settle(List<ExchangeEvent> events, int from) {
    for (int i = from; i < events.size(); i++) {
      ExchangeEvent event = events.get(i);
      boolean done = !(event instanceof ExchangeEvent.Fill fill) || fill.leavesQuantity() == 0;
      WorkingOrder order = byId.get(event.ticket().orderId());
      if (done && order != null) {
        remove(order);
      }
    }
  }

  private void remove(WorkingOrder order) {
    byId.remove(order.ticket().orderId());
    SymbolMarket market = markets.get(order.ticket().symbol());
    if (market != null) {
      market.live.remove(order);
    }
    inFlight.removeFor(order.ticket().orderId());
  }

  private SymbolMarket market(String symbol) {
    return markets.computeIfAbsent(symbol, s -> new SymbolMarket());
  }

  private static int rank(OrderTicket ticket) {
    if (ticket.type() == OrderType.MARKET) {
      return 0;
    }
    return ticket.isBuy() ? 1 : 2;
  }

  /** Best price first: highest bid, lowest offer. */
  private static long priceKey(OrderTicket ticket) {
    if (ticket.type() == OrderType.MARKET) {
      return 0;
    }
    return ticket.isBuy() ? -ticket.price() : ticket.price();
  }
}
