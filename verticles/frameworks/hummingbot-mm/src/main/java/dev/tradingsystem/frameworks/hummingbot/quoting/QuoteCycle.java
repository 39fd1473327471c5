package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One strategy's order management on one symbol, Hummingbot's {@code c_tick} in the pipeline's
 * terms. Each tick, in this order:
 * <ol>
 *   <li>orders that completed since the last tick start {@code filled_order_delay} and, with hanging
 *       orders on, leave the other order of their level pair hanging;</li>
 *   <li>HALTED, a CRITICAL alert, or a withdrawn proposal: cancel every working order, quote nothing;</li>
 *   <li>when creation is due, the proposal is asked for and filtered: trading state (REDUCING quotes
 *       only the reducing side, reduce-only), the consensus's size haircut ({@link SizeHaircut}),
 *       budget, post-only safety;</li>
 *   <li>hanging orders beyond {@code hanging_orders_cancel_pct} of the mid are cancelled;</li>
 *   <li>when the refresh is due, resting (non-hanging) orders stay if the proposal is within
 *       tolerance on both sides and, under a size haircut, none is larger than its replacement
 *       (the timers restart), else they are all cancelled;</li>
 *   <li>resting orders older than {@code max_order_age}, closer to the mid than
 *       {@code minimum_spread}, or (REDUCING, haircut 1) on the side that grows the position are
 *       cancelled;</li>
 *   <li>when creation is due and no non-hanging order is left resting, the proposal is placed and
 *       the timers restart.</li>
 * </ol>
 * Cancels come before new orders in the result, so the risk gate sees a cancel before its
 * replacement. Not thread-safe: one owner.
 */
public final class QuoteCycle {

  private final CycleSettings settings;
  private final QuoteIntents intents;
  private final QuoteTimers timers = new QuoteTimers();
  private final FillWatch fills = new FillWatch();
  private final HangingOrders hanging;
  private final Map<String, Long> firstSeenUs = new HashMap<>();
  /**
   * Cancels sent and not landed yet, by order id, with when they were sent. A venue with cancel
   * latency keeps the order working for a while; sending the cancel again on every tick would only
   * load the risk gate. One that is still working a second later is sent again (it may have been refused).
   */
  private final Map<String, Long> cancelsSentUs = new HashMap<>();
  static final long CANCEL_RESEND_US = 1_000_000;

  public QuoteCycle(CycleSettings settings, QuoteIntents intents) {
    this.settings = settings;
    this.intents = intents;
    this.hanging = new HangingOrders(settings.hangingOrdersCancelPct());
  }

  public QuoteTimers timers() {
    return timers;
  }

  /** Ids of the orders hanging now. */
  public Set<String> hangingOrders() {
    return hanging.hanging();
  }

  /** The intents of this tick for the context's symbol, proposals drawn from {@code source}. */
  public List<OrderIntent> run(QuotingContext context, ProposalSource source) {
    MarketView market = MarketView.of(context.consensus());
    long now = market.nowUs();
    StrategyBook book = context.book();
    Tick tick = new Tick(context, market);
    Set<String> workingIds = new HashSet<>();
    for (Order order : book.working()) {
      workingIds.add(order.getOrderId());
      firstSeenUs.putIfAbsent(order.getOrderId(), now);
    }
    firstSeenUs.keySet().retainAll(workingIds);
    cancelsSentUs.keySet().retainAll(workingIds);
    Set<String> completed = fills.completed(book);
    if (!completed.isEmpty()) {
      timers.onFill(now, settings.filledOrderDelayMicros());
      if (settings.hangingOrdersEnabled()) {
        hanging.onCompleted(completed);
      }
    }
    hanging.retain(workingIds);

    String halt = haltReason(context);
    Proposal proposal = null;
    if (halt == null && timers.createDue(now)) {
      proposal = source.propose(context, market);
      halt = proposal.withdrawn();
    }
    if (halt != null) {
      for (Order order : book.working()) {
        tick.cancel(order, halt);
      }
      return tick.intents();
    }
    for (Order order : hanging.among(book.working())) {
      if (hanging.tooFar(market.price(order.getPrice()), market.mid())) {
        tick.cancel(order, "hanging order beyond " + settings.hangingOrdersCancelPct() + "% of mid");
      }
    }
    List<Order> staying = hanging.among(book.working()).stream().filter(tick::keeps).toList();
    SizeHaircut.Result haircut = null;
    if (proposal != null) {
      proposal = ProposalFilters.forTradingState(proposal, context.tradingState(), book.position());
      haircut = SizeHaircut.apply(proposal, context.haircut(), book.position(), market);
      proposal = haircut.proposal();
      if (settings.budgetConstraint()) {
        proposal = ProposalFilters.budgeted(proposal, book, staying, market);
      }
      proposal = ProposalFilters.makersOnly(proposal, market);
    }
    List<Order> active = book.working().stream().filter(o -> !hanging.isHanging(o.getOrderId())).toList();
    if (timers.cancelDue(now) && !active.isEmpty()) {
      if (proposal != null && settings.refresh().withinTolerance(prices(active, Side.BUY), proposal.buyPrices())
          && settings.refresh().withinTolerance(prices(active, Side.SELL), proposal.sellPrices())
          && (context.haircut() == 0 || withinHaircut(active, proposal))) {
        timers.cycleDone(now, settings.refresh().refreshMicros());
      } else {
        active.forEach(order -> tick.cancel(order, "refresh"));
      }
    }
    for (Order order : active) {
      if (!tick.keeps(order)) {
        continue;
      }
      String why = staleReason(order, context, market, now);
      if (why != null) {
        tick.cancel(order, why);
      }
    }
    boolean restingLeft = active.stream().anyMatch(tick::keeps);
    if (proposal != null && timers.createDue(now) && !restingLeft) {
      // Counted whenever the proposal is due to be placed, also when the haircut left nothing.
      context.riskCuts().placed(haircut);
      if (!proposal.isEmpty()) {
        tick.place(proposal, context.reduceOnly(), SizeHaircut.label(context.haircut()));
        timers.cycleDone(now, settings.refresh().refreshMicros());
      }
    }
    return tick.intents();
  }

  private static String haltReason(QuotingContext context) {
    if (context.tradingState() == TradingState.HALTED) {
      return "trading halted";
    }
    if (context.tradingState() != TradingState.ACTIVE && context.tradingState() != TradingState.REDUCING) {
      return "trading state " + context.tradingState();
    }
    if (context.stance().pull()) {
      return "risk alert " + context.stance().reason();
    }
    return null;
  }

  /** Why a resting order must go now regardless of the refresh timer, or null. */
  private String staleReason(Order order, QuotingContext context, MarketView market, long now) {
    if (now - firstSeenUs.getOrDefault(order.getOrderId(), now) >= settings.maxOrderAgeMicros()) {
      return "max order age";
    }
    double price = market.price(order.getPrice());
    double distance = order.getSide() == Side.BUY ? market.mid() - price : price - market.mid();
    if (settings.minimumSpreadPct() >= 0 && distance * 100 < settings.minimumSpreadPct() * market.mid()) {
      return "below minimum spread";
    }
    long position = context.book().position();
    if (context.reduceOnly() && (order.getSide() == Side.BUY ? position >= 0 : position <= 0)) {
      return context.tradingState() == TradingState.REDUCING ? "reducing: side grows the position"
          : "haircut 1: side grows the position";
    }
    return null;
  }

  /**
   * Under a size haircut, whether no resting order is larger than the level that would replace it
   * (paired by price, as the tolerance pairs them): an order placed before the haircut is replaced
   * at its refresh even when its price is still within tolerance, or the cut would never reach it.
   */
  private static boolean withinHaircut(List<Order> active, Proposal proposal) {
    return sizesFit(active, Side.BUY, proposal.buys()) && sizesFit(active, Side.SELL, proposal.sells());
  }

  private static boolean sizesFit(List<Order> active, Side side, List<Proposal.Level> wanted) {
    List<Long> leaves = active.stream().filter(o -> o.getSide() == side)
        .sorted(Comparator.comparingLong(Order::getPrice))
        .map(o -> o.getQuantity() - o.getFilledQuantity()).toList();
    List<Long> sizes = wanted.stream().sorted(Comparator.comparingLong(Proposal.Level::price))
        .map(Proposal.Level::size).toList();
    if (leaves.size() != sizes.size()) {
      return false;
    }
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i) > sizes.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static List<Long> prices(List<Order> orders, Side side) {
    return orders.stream().filter(o -> o.getSide() == side).map(Order::getPrice).toList();
  }

  /** The intents of one tick: cancels first, each order at most once, then new quotes. */
  private final class Tick {

    private final Meta cause;
    private final MarketView market;
    private final List<OrderIntent> cancels = new ArrayList<>();
    private final List<OrderIntent> quotes = new ArrayList<>();
    private final Set<String> cancelled = new HashSet<>();

    Tick(QuotingContext context, MarketView market) {
      this.cause = context.consensus().getMeta();
      this.market = market;
    }

    boolean keeps(Order order) {
      return !cancelled.contains(order.getOrderId());
    }

    void cancel(Order order, String reason) {
      String id = order.getOrderId();
      if (!cancelled.add(id)) {
        return;
      }
      Long sentUs = cancelsSentUs.get(id);
      if (sentUs != null && market.nowUs() - sentUs < CANCEL_RESEND_US) {
        return;
      }
      cancelsSentUs.put(id, market.nowUs());
      cancels.add(intents.cancel(cause, order, market.lastPrice(), "cancel " + label(order.getSide()) + ": " + reason));
      fills.cancelled(id);
    }

    void place(Proposal proposal, boolean reduceOnly, String note) {
      List<String> buyIds = place(proposal.buys(), Side.BUY, reduceOnly, note);
      List<String> sellIds = place(proposal.sells(), Side.SELL, reduceOnly, note);
      hanging.placedPairs(buyIds, sellIds);
    }

    private List<String> place(List<Proposal.Level> levels, Side side, boolean reduceOnly, String note) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        Proposal.Level level = levels.get(i);
        OrderIntent quote = intents.quote(cause, market.instrument(), side, level.price(), level.size(),
            market.lastPrice(), "quote " + label(side) + " level " + (i + 1) + note, reduceOnly);
        String orderId = QuoteIntents.orderIdOf(quote);
        quotes.add(quote);
        ids.add(orderId);
        fills.placed(orderId, side);
        firstSeenUs.put(orderId, market.nowUs());
      }
      return ids;
    }

    List<OrderIntent> intents() {
      List<OrderIntent> all = new ArrayList<>(cancels);
      all.addAll(quotes);
      return all;
    }

    private String label(Side side) {
      return side == Side.BUY ? "bid" : "ask";
    }
  }
}
