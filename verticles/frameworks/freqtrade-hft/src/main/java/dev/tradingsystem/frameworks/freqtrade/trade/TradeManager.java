package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.EntrySignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.ExitSignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.OpenTrade;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Freqtrade bot does around a strategy on every decision point, for one pair:
 * <ol>
 *   <li>flat and no working order: ask the strategy for an entry, size it by stake, enter;</li>
 *   <li>flat with a working entry order: no new entry (one trade per pair); cancel the order once
 *       it has been unfilled longer than the unfilled timeout;</li>
 *   <li>in a trade: stoploss, then ROI table, then the strategy's exit signal; an exit cancels any
 *       working entry remainder and closes the whole position reduce-only;</li>
 *   <li>in a trade with an exit working: wait for it (or cancel it after the unfilled timeout, so
 *       the next tick exits again at a fresh price).</li>
 * </ol>
 * Position and working orders come only from the portfolio snapshot of the decision's tick.
 * Not thread-safe: one owner.
 */
public final class TradeManager {

  /** Trading options the manager applies to every strategy. */
  public record Settings(BigDecimal stakeAmount, OrderType orderType, boolean allowShort, long unfilledTimeoutMinutes) {
  }

  private final Strategy strategy;
  private final Settings settings;
  private final StakeSizer sizer;
  private final ExitRules exitRules;
  private final OrderIntents intents;
  private final TradeTimeline timeline = new TradeTimeline();

  public TradeManager(Strategy strategy, Settings settings) {
    this.strategy = strategy;
    this.settings = settings;
    this.sizer = new StakeSizer(settings.stakeAmount());
    this.exitRules = new ExitRules(strategy.minimalRoi(), strategy.stoploss());
    this.intents = new OrderIntents(strategy.id());
  }

  public String strategyId() {
    return strategy.id();
  }

  /**
   * The intents for one decision point, in the order they must be sent. Exceptions of the
   * strategy propagate: the caller counts them and ends the tick without intents.
   */
  public List<OrderIntent> onTick(StrategyInput input, PairBook book, long nowMicros) {
    Instrument instrument = input.instrument();
    long lastPrice = FixedPoint.toUnits(input.price(), instrument.getPriceScale());
    long openedAt = timeline.observePosition(input.symbol(), book.quantity(), nowMicros);
    timeline.observeOrders(input.symbol(), book.working(), nowMicros);
    Meta cause = input.consensus().getMeta();
    TradeSide position = TradeSide.ofPosition(book.quantity());
    if (position == null) {
      return book.working().isEmpty() ? enter(input, cause, lastPrice) : cancelStale(cause, input.symbol(),
          book.working(), lastPrice, nowMicros);
    }
    List<Order> exitsWorking = book.workingOn(position.exitSide());
    List<Order> entriesWorking = book.workingOn(position.entrySide());
    if (!exitsWorking.isEmpty()) {
      return cancelStale(cause, input.symbol(), exitsWorking, lastPrice, nowMicros);
    }
    OpenTrade trade = new OpenTrade(position, Math.abs(book.quantity()),
        book.entryPrice(instrument.getSizeScale()), openedAt);
    String reason = exitReason(input, trade, instrument, nowMicros);
    if (reason == null) {
      return cancelStale(cause, input.symbol(), entriesWorking, lastPrice, nowMicros);
    }
    List<OrderIntent> result = new ArrayList<>();
    for (Order entry : entriesWorking) {
      result.add(intents.cancel(cause, entry, lastPrice, "exit:" + reason));
    }
    Side side = position.exitSide();
    result.add(intents.newOrder(cause, instrument, side, settings.orderType(), limitPrice(lastPrice, side, instrument),
        trade.quantity(), true, lastPrice, "exit:" + reason));
    return result;
  }

  private List<OrderIntent> enter(StrategyInput input, Meta cause, long lastPrice) {
    EntrySignal signal = strategy.populateEntry(input);
    if (!signal.isEntry() || (signal.side() == TradeSide.SHORT && !settings.allowShort())) {
      return List.of();
    }
    Instrument instrument = input.instrument();
    long quantity = sizer.quantity(lastPrice, instrument);
    if (quantity <= 0) {
      return List.of();
    }
    Side side = signal.side().entrySide();
    return List.of(intents.newOrder(cause, instrument, side, settings.orderType(),
        limitPrice(lastPrice, side, instrument), quantity, false, lastPrice, "entry:" + signal.tag()));
  }

  /** The exit label, or null to hold. */
  private String exitReason(StrategyInput input, OpenTrade trade, Instrument instrument, long nowMicros) {
    BigDecimal current = BigDecimal.valueOf(input.price()).setScale(instrument.getPriceScale(), RoundingMode.HALF_EVEN);
    ExitReason rule = exitRules.check(trade.side(), trade.entryPrice(), current, trade.minutesOpen(nowMicros));
    if (rule != ExitReason.NONE) {
      return rule.label();
    }
    ExitSignal signal = strategy.populateExit(input, trade);
    if (signal.exit()) {
      return signal.tag().isEmpty() ? ExitReason.EXIT_SIGNAL.label() : ExitReason.EXIT_SIGNAL.label() + ":" + signal.tag();
    }
    return null;
  }

  private List<OrderIntent> cancelStale(Meta cause, String symbol, List<Order> working, long lastPrice, long nowMicros) {
    List<OrderIntent> result = new ArrayList<>();
    for (Order order : working) {
      if (timeline.orderMinutes(symbol, order.getOrderId(), nowMicros) >= settings.unfilledTimeoutMinutes()) {
        result.add(intents.cancel(cause, order, lastPrice, "unfilled_timeout"));
      }
    }
    return result;
  }

  /** Limit orders rest at the last price on the passive tick (buys round down, sells up). */
  private long limitPrice(long lastPrice, Side side, Instrument instrument) {
    return settings.orderType() == OrderType.MARKET ? 0 : FixedPoint.roundToTick(lastPrice, instrument, side == Side.BUY);
  }
}
