package dev.tradingsystem.risk.book;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.rules.IntentMath;
import dev.tradingsystem.risk.rules.Reference;
import dev.tradingsystem.risk.rules.RiskView;
import dev.tradingsystem.risk.rules.ThrottleLimits;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the gate knows: the latest {@link PortfolioSnapshot}, marks, approved intent ids and, per
 * strategy, the {@link ApprovalsSinceSnapshot approvals made since the snapshot}. Exposure is
 * always "snapshot plus this strategy's own approvals since", never another strategy's, so the
 * order in which strategies ask within one tick cannot change a verdict. Not thread-safe: one
 * owner context.
 */
public final class RiskBook implements RiskView {

  /** Allocation entry that applies to strategies without their own. */
  public static final String DEFAULT_ALLOCATION = "*";

  private final Supplier<TradingState> tradingState;
  private final MarkBook marks = new MarkBook();
  private final TopOfBook books = new TopOfBook();
  private final Throttles throttles;
  private final ApprovedIntents approved;
  private final PortfolioSnapshot snapshot = new PortfolioSnapshot();
  private final ApprovalsSinceSnapshot sinceSnapshot = new ApprovalsSinceSnapshot();

  public RiskBook(Supplier<TradingState> tradingState, int dedupeWindow) {
    this(tradingState, dedupeWindow, ThrottleLimits.OFF);
  }

  public RiskBook(Supplier<TradingState> tradingState, int dedupeWindow, ThrottleLimits throttle) {
    this.tradingState = tradingState;
    this.approved = new ApprovedIntents(dedupeWindow);
    this.throttles = new Throttles(throttle);
  }

  /**
   * Takes a new snapshot; approvals made against an older one are now part of it.
   *
   * @return false when the snapshot is older than the one held (a late delivery) and was ignored
   */
  public boolean onSnapshot(PortfolioState state) {
    if (!snapshot.replaceWith(state)) {
      return false;
    }
    long seq = state.getMeta().getSeq();
    for (Position position : state.getPositionsList()) {
      marks.update(position.getInstrument().getSymbol(), position.getMarkPrice(), seq, state.getMeta().getEventTimeUs());
    }
    sinceSnapshot.settledBy(seq);
    return true;
  }

  public void onTrade(String symbol, long price, long seq, long eventTimeUs) {
    marks.update(symbol, price, seq, eventTimeUs);
  }

  public void onQuote(Quote quote) {
    midFrom(quote.getInstrument().getSymbol(), books.onQuote(quote), quote.getMeta());
  }

  public void onBook(BookSnapshot snapshot) {
    midFrom(snapshot.getInstrument().getSymbol(), books.onSnapshot(snapshot), snapshot.getMeta());
  }

  public void onBook(BookDelta delta) {
    midFrom(delta.getInstrument().getSymbol(), books.onDelta(delta), delta.getMeta());
  }

  private void midFrom(String symbol, OptionalLong mid, Meta meta) {
    if (mid.isPresent()) {
      marks.updateMid(symbol, mid.getAsLong(), meta.getSeq(), meta.getEventTimeUs());
    } else {
      marks.clearMid(symbol);
    }
  }

  /**
   * Records an approval before the order goes to the portfolio, so a concurrent duplicate is
   * refused, and takes the strategy's throttle token at the intent's event time.
   */
  public void approve(OrderIntent intent) {
    approved.add(intent.getIntentId());
    throttles.take(intent.getStrategyId(), IntentMath.isCancel(intent), intent.getMeta().getEventTimeUs());
    if (IntentMath.isCancel(intent)) {
      return;
    }
    sinceSnapshot.add(intent, snapshotSeq());
  }

  /** The portfolio accepted the approved order under this id. */
  public void confirm(OrderIntent intent, String orderId) {
    sinceSnapshot.confirm(intent, orderId);
  }

  /** The portfolio refused or could not be reached: the approval never became an order. */
  public void release(OrderIntent intent) {
    approved.remove(intent.getIntentId());
    sinceSnapshot.remove(intent);
  }

  public boolean hasSnapshot() {
    return snapshot.present();
  }

  public PortfolioState snapshot() {
    return snapshot.state();
  }

  public long snapshotSeq() {
    return snapshot.seq();
  }

  public MarkBook marks() {
    return marks;
  }

  /** Every order that may still trade: the snapshot's open orders and accepted approvals since. */
  public List<WorkingOrder> workingOrders() {
    Set<String> seen = new LinkedHashSet<>();
    List<WorkingOrder> result = new ArrayList<>();
    for (Order order : snapshot.workingOrders()) {
      if (seen.add(order.getOrderId())) {
        result.add(new WorkingOrder(order.getOrderId(), order.getStrategyId(), order.getInstrument()));
      }
    }
    for (PendingApproval p : sinceSnapshot.accepted()) {
      if (seen.add(p.orderId())) {
        result.add(new WorkingOrder(p.orderId(), p.strategyId(), p.instrument()));
      }
    }
    return result;
  }

  @Override
  public TradingState tradingState() {
    return tradingState.get();
  }

  @Override
  public boolean alreadyApproved(String intentId) {
    return approved.contains(intentId);
  }

  @Override
  public OptionalLong mark(String symbol) {
    return marks.price(symbol);
  }

  @Override
  public Optional<Reference> reference(String symbol, long nowUs, long maxAgeUs) {
    return marks.reference(symbol, nowUs, maxAgeUs);
  }

  @Override
  public long position(String strategyId, String symbol) {
    return snapshot.position(strategyId, false, symbol);
  }

  @Override
  public long workingQuantity(String strategyId, String symbol, Side side) {
    return snapshot.workingQuantity(strategyId, false, symbol, side) + sinceSnapshot.quantity(strategyId, symbol, side);
  }

  @Override
  public long grossExposureMicros(String strategyId) {
    return exposure(strategyId, false);
  }

  @Override
  public long symbolPosition(String symbol) {
    return snapshot.position(null, true, symbol);
  }

  /** The whole account's working orders, but only the asking strategy's approvals since the snapshot. */
  @Override
  public long symbolWorkingQuantity(String askingStrategyId, String symbol, Side side) {
    return snapshot.workingQuantity(askingStrategyId, true, symbol, side)
        + sinceSnapshot.quantity(askingStrategyId, symbol, side);
  }

  @Override
  public long accountExposureMicros(String askingStrategyId) {
    return exposure(askingStrategyId, true);
  }

  @Override
  public long equityMicros() {
    return snapshot.state().getEquityMicros();
  }

  @Override
  public double throttleTokens(String strategyId, boolean cancels, long nowUs) {
    return throttles.available(strategyId, cancels, nowUs);
  }

  @Override
  public OptionalLong budgetMicros(String strategyId) {
    return snapshot.budgetMicros(strategyId, DEFAULT_ALLOCATION);
  }

  /** Positions at mark, working orders and the strategy's approvals since: its own, or the whole account's. */
  private long exposure(String strategyId, boolean wholeAccount) {
    return snapshot.exposureMicros(strategyId, wholeAccount, this::positionNotional, symbol -> marks.price(symbol).orElse(0))
        + sinceSnapshot.notionalMicros(strategyId);
  }

  /** The approvals of one strategy since the snapshot (for reports and tests). */
  public List<PendingApproval> pendingOf(String strategyId) {
    return sinceSnapshot.of(strategyId);
  }

  /** Position valued at the freshest mark; without any mark, at its cost basis (absolute micros). */
  public long positionNotional(Position position) {
    Instrument instrument = position.getInstrument();
    long mark = marks.price(instrument.getSymbol()).orElse(position.getMarkPrice());
    if (mark <= 0) {
      return Math.abs(position.getCostMicros());
    }
    return FixedPoint.notionalMicros(mark, Math.abs(position.getQuantity()), instrument);
  }
}
