package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.EntrySignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.ExitSignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.StakeRequest;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeContext;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.PairLock;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protections;
import dev.tradingsystem.frameworks.runtime.RiskStance;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Freqtrade bot does around one strategy, for every pair it trades:
 * <ol>
 *   <li>each tick, read the snapshot: trades that opened, filled an entry or closed; a close runs
 *       the protections, which may lock the pair or every pair;</li>
 *   <li>flat, nothing working: entry signal, pair locks, {@code max_open_trades}, stake from the
 *       wallet, {@code custom_stake_amount}, stake validation, {@code confirm_trade_entry}, enter;</li>
 *   <li>flat with a working entry: one trade per pair, so wait, and cancel it after
 *       {@code unfilledTimeoutMinutes};</li>
 *   <li>in a trade: the exits of {@link ExitRules} in Freqtrade's order, the first one
 *       {@code confirm_trade_exit} accepts closes the whole position reduce-only (cancelling a
 *       working entry remainder first); otherwise {@code adjust_trade_position} may add (DCA,
 *       within {@code max_entry_position_adjustment}) or take off part of the trade;</li>
 *   <li>in a trade with an exit working: wait for it, or cancel it after the timeout so the next
 *       tick exits again at a fresh price.</li>
 * </ol>
 * With the strategy inactive (paused, or after it threw on this row) only the built-in exits run:
 * stoploss, trailing stop, ROI and time exit, without callbacks; there are no entries. The
 * {@link RiskStance} of the tick stands the bot down: without entries allowed (REDUCING, a
 * CRITICAL alert, haircut 1) an entry signal or a DCA add is skipped and counted, exits continue;
 * under a haircut h new stakes are cut to (1 − h), and an entry the cut pushes under the pair's
 * minimum stake is skipped; cancels only (HALTED) also holds exits back, since the gate refuses
 * them and flattens itself when told to. Every
 * strategy call happens before an intent id is drawn, so a throwing strategy never leaves a gap in
 * the ids. Position and orders come only from the tick's snapshot. Not thread-safe: one owner.
 */
public final class TradeManager {

  private static final Logger LOG = LoggerFactory.getLogger(TradeManager.class);

  /**
   * Trading options around the strategy.
   *
   * @param orderType                  market, or limit at the last price
   * @param canShort                   {@code can_short}: short entries allowed
   * @param unfilledTimeoutMinutes     {@code unfilledtimeout}: cancel a working order this old
   * @param positionAdjustmentEnable   {@code position_adjustment_enable}
   * @param maxEntryPositionAdjustment {@code max_entry_position_adjustment}: -1 unlimited
   */
  public record Settings(OrderType orderType, boolean canShort, long unfilledTimeoutMinutes,
      boolean positionAdjustmentEnable, int maxEntryPositionAdjustment) {
  }

  private final String strategyId;
  private final Strategy strategy;
  private final Settings settings;
  private final ExitRules exitRules;
  private final StakeRules stakes;
  private final Protections protections;
  private final OrderIntents intents;
  private final TradeLedger ledger;
  private final OrderAges ages = new OrderAges();
  private final TradeStats stats = new TradeStats();

  public TradeManager(String strategyId, Strategy strategy, Settings settings, ExitSettings exits, StakeRules stakes,
      Protections protections) {
    this.strategyId = strategyId;
    this.strategy = strategy;
    this.settings = settings;
    this.exitRules = new ExitRules(exits);
    this.stakes = stakes;
    this.protections = protections;
    this.intents = new OrderIntents(strategyId);
    this.ledger = new TradeLedger(strategyId, protections.retentionMinutes());
  }

  public String strategyId() {
    return strategyId;
  }

  /** Reads the tick's snapshot (no strategy code runs): books closed trades and runs the protections. */
  public List<ClosedTrade> observe(PortfolioState state, long nowMicros) {
    List<ClosedTrade> closed = ledger.observe(state, nowMicros);
    for (ClosedTrade trade : closed) {
      stats.closed(trade);
      for (PairLock lock : protections.onTradeClosed(trade, nowMicros, ledger.history())) {
        LOG.info("{} locked {} until {} us ({})", strategyId, lock.pair(), lock.untilMicros(), lock.reason());
      }
    }
    return closed;
  }

  /**
   * The intents for one row of one pair, in the order they must be sent; call {@link #observe}
   * with the same snapshot first. Exceptions of the strategy propagate (the caller counts them and
   * may decide again with {@code strategyActive} false).
   */
  public List<OrderIntent> decide(StrategyInput row, PortfolioState state, long nowMicros, boolean strategyActive) {
    return decide(row, state, nowMicros, strategyActive, RiskStance.NORMAL);
  }

  /** {@link #decide(StrategyInput, PortfolioState, long, boolean)} under the tick's risk stance. */
  public List<OrderIntent> decide(StrategyInput row, PortfolioState state, long nowMicros, boolean strategyActive,
      RiskStance risk) {
    StrategyInput input = strategyActive ? strategy.populateIndicators(row) : row;
    Instrument instrument = input.instrument();
    String symbol = input.symbol();
    long lastPrice = FixedPoint.toUnits(input.price(), instrument.getPriceScale());
    BigDecimal rate = BigDecimal.valueOf(lastPrice, instrument.getPriceScale());
    PairBook book = PairBook.of(state, strategyId, symbol);
    ages.observe(symbol, book.working(), nowMicros);
    Meta cause = input.consensus().getMeta();
    TradeRecord trade = ledger.open(symbol);
    TradeSide position = TradeSide.ofPosition(book.quantity());
    if (position == null) {
      if (!book.working().isEmpty()) {
        return cancelStale(cause, symbol, book.working(), lastPrice, nowMicros);
      }
      return strategyActive ? enter(input, state, cause, lastPrice, rate, nowMicros, risk) : List.of();
    }
    if (trade == null) {
      throw new IllegalStateException("observe() was not called with this snapshot before decide()");
    }
    List<Order> exitsWorking = book.workingOn(position.exitSide());
    List<Order> entriesWorking = book.workingOn(position.entrySide());
    if (!exitsWorking.isEmpty()) {
      return cancelStale(cause, symbol, exitsWorking, lastPrice, nowMicros);
    }
    String exit = chooseExit(input, trade, rate, nowMicros, strategyActive);
    if (exit != null && !risk.exitsAllowed()) {
      stats.exitHeldByRisk();
      return cancelStale(cause, symbol, entriesWorking, lastPrice, nowMicros);
    }
    if (exit != null) {
      List<OrderIntent> result = new ArrayList<>();
      for (Order entry : entriesWorking) {
        result.add(intents.cancel(cause, entry, lastPrice, "exit:" + exit));
      }
      result.add(order(cause, instrument, position.exitSide(), Math.abs(book.quantity()), true, lastPrice, "exit:" + exit));
      ledger.exitSent(symbol, exit);
      return result;
    }
    if (strategyActive && settings.positionAdjustmentEnable() && entriesWorking.isEmpty()) {
      return adjust(input, state, trade, cause, lastPrice, rate, nowMicros, risk);
    }
    return cancelStale(cause, symbol, entriesWorking, lastPrice, nowMicros);
  }

  private List<OrderIntent> enter(StrategyInput input, PortfolioState state, Meta cause, long lastPrice, BigDecimal rate,
      long nowMicros, RiskStance risk) {
    EntrySignal signal = strategy.populateEntry(input);
    if (!signal.isEntry() || (signal.side() == TradeSide.SHORT && !settings.canShort())) {
      return List.of();
    }
    if (!risk.entriesAllowed()) {
      stats.entrySkippedByRisk();
      return List.of();
    }
    String symbol = input.symbol();
    if (protections.isEntryLocked(symbol, nowMicros, signal.side())) {
      stats.lockedEntry();
      return List.of();
    }
    Account account = account(state);
    if (!stakes.hasFreeSlot(account)) {
      return List.of();
    }
    BigDecimal proposed = stakes.tradeStake(account);
    if (proposed.signum() <= 0) {
      return List.of();
    }
    Instrument instrument = input.instrument();
    BigDecimal minStake = stakes.minStake(rate, instrument);
    BigDecimal maxStake = stakes.maxStake();
    BigDecimal requested = strategy.customStakeAmount(new StakeRequest(input, signal.side(), signal.tag(), proposed,
        minStake, maxStake.min(stakes.available(account))));
    BigDecimal stake = cut(stakes.validate(requested, minStake, maxStake, null, account), minStake, risk);
    if (stake == null) {
      stats.entrySkippedByRisk();
      return List.of();
    }
    long quantity = StakeSizer.quantity(stake, lastPrice, instrument);
    if (quantity <= 0 || !strategy.confirmTradeEntry(input, signal.side(), quantity, rate, signal.tag())) {
      return List.of();
    }
    OrderIntent entry = order(cause, instrument, signal.side().entrySide(), quantity, false, lastPrice,
        "entry:" + signal.tag());
    ledger.entrySent(symbol, "o-" + entry.getIntentId(), signal.side(), signal.tag());
    if (risk.sizeFactor() < 1) {
      stats.entryCutByRisk();
    }
    return List.of(entry);
  }

  /**
   * The stake after the stance's haircut, rounded down to micros; null when the cut stake is under
   * the pair's minimum (raising it back would undo the haircut). A zero stake stays zero.
   */
  private static BigDecimal cut(BigDecimal stake, BigDecimal minStake, RiskStance risk) {
    if (risk.sizeFactor() >= 1 || stake.signum() <= 0) {
      return stake;
    }
    // The factor to 9 decimals: 1 - 0.9 is 0.1 in money, not 0.0999... that misses a minimum stake.
    BigDecimal factor = BigDecimal.valueOf(risk.sizeFactor()).setScale(9, RoundingMode.HALF_EVEN);
    BigDecimal cut = stake.multiply(factor).setScale(6, RoundingMode.DOWN);
    return cut.compareTo(minStake) < 0 || cut.signum() <= 0 ? null : cut;
  }

  /** The exit label to act on, or null to hold. */
  private String chooseExit(StrategyInput input, TradeRecord trade, BigDecimal rate, long nowMicros, boolean active) {
    boolean enter = false;
    ExitSignal signal = ExitSignal.HOLD;
    ExitRules.Hooks hooks = ExitRules.Hooks.NONE;
    if (active) {
      EntrySignal entry = strategy.populateEntry(input);
      enter = entry.isEntry() && entry.side() == trade.side();
      signal = strategy.populateExit(input, trade.view());
      hooks = new ExitRules.Hooks() {
        @Override
        public Optional<BigDecimal> customStoploss(BigDecimal atRate, BigDecimal profit) {
          return strategy.customStoploss(new TradeContext(input, trade.view(), atRate, profit, nowMicros));
        }

        @Override
        public Optional<String> customExit(BigDecimal atRate, BigDecimal profit) {
          return strategy.customExit(new TradeContext(input, trade.view(), atRate, profit, nowMicros));
        }
      };
    }
    for (ExitCheck check : exitRules.check(trade, rate, nowMicros, enter, signal, hooks)) {
      if (!active || strategy.confirmTradeExit(context(input, trade, rate, nowMicros), trade.quantity(), check.label())) {
        return check.label();
      }
    }
    return null;
  }

  /** {@code adjust_trade_position}: add to the trade (DCA) or take part of it off. */
  private List<OrderIntent> adjust(StrategyInput input, PortfolioState state, TradeRecord trade, Meta cause,
      long lastPrice, BigDecimal rate, long nowMicros, RiskStance risk) {
    Account account = account(state);
    Instrument instrument = input.instrument();
    BigDecimal minStake = stakes.minStake(rate, instrument);
    BigDecimal maxStake = stakes.maxStake();
    TradeContext context = context(input, trade, rate, nowMicros);
    Optional<BigDecimal> change = strategy.adjustTradePosition(context, minStake, maxStake.min(stakes.available(account)));
    if (change.isEmpty() || change.get().signum() == 0) {
      return List.of();
    }
    if (change.get().signum() > 0) {
      if (!risk.entriesAllowed()) {
        stats.addSkippedByRisk();
        return List.of();
      }
      int limit = settings.maxEntryPositionAdjustment();
      if (limit > -1 && trade.successfulEntries() > limit) {
        stats.adjustmentRefused();
        return List.of();
      }
      BigDecimal stake = cut(stakes.validate(change.get(), minStake, maxStake, trade.stake(), account), minStake, risk);
      if (stake == null) {
        stats.addSkippedByRisk();
        return List.of();
      }
      long quantity = StakeSizer.quantity(stake, lastPrice, instrument);
      if (quantity <= 0) {
        return List.of();
      }
      OrderIntent add = order(cause, instrument, trade.side().entrySide(), quantity, false, lastPrice,
          "entry:position_adjustment");
      ledger.entrySent(input.symbol(), "o-" + add.getIntentId(), trade.side(), trade.entryTag());
      return List.of(add);
    }
    long amount = FixedPoint.roundToLot(change.get().abs().multiply(BigDecimal.valueOf(trade.quantity()))
        .divide(trade.stake(), 0, RoundingMode.DOWN).longValueExact(), instrument);
    if (amount <= 0) {
      return List.of();
    }
    if (!risk.exitsAllowed()) {
      stats.exitHeldByRisk();
      return List.of();
    }
    amount = Math.min(amount, trade.quantity());
    BigDecimal remaining = BigDecimal.valueOf(trade.quantity() - amount, instrument.getSizeScale()).multiply(rate);
    String label = ExitReason.PARTIAL_EXIT.label();
    if ((remaining.signum() != 0 && remaining.compareTo(minStake) < 0)
        || !strategy.confirmTradeExit(context, amount, label)) {
      return List.of();
    }
    ledger.exitSent(input.symbol(), label);
    return List.of(order(cause, instrument, trade.side().exitSide(), amount, true, lastPrice, "exit:" + label));
  }

  private List<OrderIntent> cancelStale(Meta cause, String symbol, List<Order> working, long lastPrice, long nowMicros) {
    List<OrderIntent> result = new ArrayList<>();
    for (Order order : working) {
      if (ages.minutes(symbol, order.getOrderId(), nowMicros) >= settings.unfilledTimeoutMinutes()) {
        result.add(intents.cancel(cause, order, lastPrice, "unfilled_timeout"));
      }
    }
    return result;
  }

  private OrderIntent order(Meta cause, Instrument instrument, Side side, long quantity, boolean reduceOnly,
      long lastPrice, String reason) {
    // Limit orders rest at the last price on the passive tick (buys round down, sells up).
    long limit = settings.orderType() == OrderType.MARKET ? 0
        : FixedPoint.roundToTick(lastPrice, instrument, side == Side.BUY);
    return intents.newOrder(cause, instrument, side, settings.orderType(), limit, quantity, reduceOnly, lastPrice, reason);
  }

  private TradeContext context(StrategyInput input, TradeRecord trade, BigDecimal rate, long nowMicros) {
    return new TradeContext(input, trade.view(), rate, exitRules.profit(trade, rate), nowMicros);
  }

  private Account account(PortfolioState state) {
    return Account.of(state, strategyId, stakes.settings().dryRunWallet());
  }

  /** Counters for the run report. */
  public TradeStats stats() {
    return stats;
  }

  public TradeLedger ledger() {
    return ledger;
  }

  public Protections protections() {
    return protections;
  }
}
