package dev.tradingsystem.risk;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.book.RiskBook;
import dev.tradingsystem.risk.book.WorkingOrder;
import dev.tradingsystem.risk.killswitch.ErrorRateWindow;
import dev.tradingsystem.risk.killswitch.FailureStreak;
import dev.tradingsystem.risk.killswitch.KillSwitch;
import dev.tradingsystem.risk.killswitch.StaleDataWatch;
import dev.tradingsystem.risk.killswitch.StateChange;
import dev.tradingsystem.risk.killswitch.StateChange.Trigger;
import dev.tradingsystem.risk.killswitch.TriggerLimits;
import dev.tradingsystem.risk.monitor.MonitorLimits;
import dev.tradingsystem.risk.monitor.RiskMonitor;
import dev.tradingsystem.risk.rules.CheckResult;
import dev.tradingsystem.risk.rules.PreTradeCheck;
import dev.tradingsystem.risk.rules.RiskLimits;
import java.util.List;
import java.util.Optional;

/**
 * The risk gate's decisions without any transport: the pre-trade pipeline over the
 * {@link RiskBook}, the {@link KillSwitch} and its automatic triggers, and the
 * {@link RiskMonitor}, fed by portfolio snapshots, market data, call outcomes and operator
 * commands. Not thread-safe: the verticle calls it from its one context.
 */
public final class RiskEngine {

  private final KillSwitch killSwitch;
  private final RiskBook book;
  private final PreTradeCheck check;
  private final RiskMonitor monitor;
  private final StaleDataWatch staleData;
  private final FailureStreak failures;
  private final ErrorRateWindow errors;

  /** Drawdown and operator only, quiet monitor: for tests and tools that look at the rules. */
  public RiskEngine(RiskLimits limits, int dedupeWindow) {
    this(limits, TriggerLimits.OFF, MonitorLimits.QUIET, dedupeWindow);
  }

  public RiskEngine(RiskLimits limits, TriggerLimits triggers, MonitorLimits monitorLimits, int dedupeWindow) {
    this.killSwitch = new KillSwitch(limits.maxDrawdown(), triggers.maxDailyLoss());
    this.book = new RiskBook(killSwitch::state, dedupeWindow, limits.throttle());
    this.check = PreTradeCheck.standard(limits);
    this.monitor = new RiskMonitor(monitorLimits);
    this.staleData = new StaleDataWatch(triggers.staleDataUs());
    this.failures = new FailureStreak(triggers.maxConsecutiveFailures());
    this.errors = new ErrorRateWindow(triggers.errorWindow(), triggers.errorThreshold());
  }

  /**
   * Runs the pre-trade check; an approved intent is recorded at once (duplicate id, exposure of
   * its strategy, throttle token) so the next intent of the same strategy sees it.
   */
  public CheckResult decide(OrderIntent intent) {
    CheckResult result = check.evaluate(intent, book);
    if (result.approved()) {
      book.approve(intent);
    }
    return result;
  }

  /** The portfolio accepted an approved order under {@code orderId}. */
  public void accepted(OrderIntent intent, String orderId) {
    book.confirm(intent, orderId);
  }

  /** The portfolio refused an approved order or could not be reached: forget the approval. */
  public void refused(OrderIntent intent) {
    book.release(intent);
  }

  /**
   * The outcome of one call to the portfolio for an approved intent: feeds the DISCONNECT
   * (consecutive failures) and ERROR_RATE (failed or refused share) triggers.
   *
   * @param reached false when the call failed or timed out
   * @param error   true when the intent failed or the portfolio refused it for a reason that is an error
   */
  public Optional<StateChange> downstream(boolean reached, boolean error, long nowUs) {
    Optional<StateChange> change = Optional.empty();
    if (reached) {
      failures.success();
    } else if (failures.failure()) {
      change = killSwitch.trip(Trigger.DISCONNECT,
          failures.max() + " consecutive portfolio calls failed", nowUs);
    }
    if (errors.record(error) && change.isEmpty()) {
      change = killSwitch.trip(Trigger.ERROR_RATE, String.format(
          "%.0f%% or more of the last %d intents sent on failed or were refused (threshold %.0f%%)",
          errors.threshold() * 100, errors.window(), errors.threshold() * 100), nowUs);
    }
    return change;
  }

  /**
   * Takes the snapshot, feeds the monitor and checks the drawdown and daily-loss triggers; a
   * late (older) snapshot changes nothing.
   */
  public Optional<StateChange> onPortfolioState(PortfolioState state, long nowUs) {
    if (!book.onSnapshot(state)) {
      return Optional.empty();
    }
    monitor.observe(state);
    Optional<StateChange> change = killSwitch.observeDrawdown(state.getDrawdown(), nowUs);
    if (change.isEmpty()) {
      change = killSwitch.observeDailyLoss(monitor.daily().lossFraction(), nowUs);
    }
    return change;
  }

  /** The monitor's view of the current snapshot; call after {@link #onPortfolioState}. */
  public RiskMonitor.Assessment assess() {
    return monitor.assess(book.snapshot(), tradingState(), book::positionNotional);
  }

  public Optional<StateChange> onTrade(Trade trade) {
    book.onTrade(trade.getInstrument().getSymbol(), trade.getPrice(), trade.getMeta().getSeq(), trade.getMeta().getEventTimeUs());
    return marketEvent(trade.getMeta());
  }

  public Optional<StateChange> onQuote(Quote quote) {
    book.onQuote(quote);
    return marketEvent(quote.getMeta());
  }

  public Optional<StateChange> onBook(BookSnapshot snapshot) {
    book.onBook(snapshot);
    return marketEvent(snapshot.getMeta());
  }

  public Optional<StateChange> onBook(BookDelta delta) {
    book.onBook(delta);
    return marketEvent(delta.getMeta());
  }

  /** A {@code risk.alerts} alert: the data-collector's stale-data alert halts; others are not the switch's business. */
  public Optional<StateChange> onAlert(String code, String symbol, String message, long nowUs) {
    if (!StaleDataWatch.isStaleAlert(code)) {
      return Optional.empty();
    }
    return killSwitch.trip(Trigger.STALE_DATA, "stale market data" + (symbol.isBlank() ? "" : " on " + symbol) + ": " + message, nowUs);
  }

  /** Live: silence so far (by the trading clock) while orders work; replay needs no timer (see {@link StaleDataWatch}). */
  public Optional<StateChange> checkStaleData(long nowUs) {
    long gap = staleData.check(nowUs, !book.workingOrders().isEmpty());
    return gap > 0 ? staleTrip(gap, nowUs) : Optional.empty();
  }

  private Optional<StateChange> marketEvent(Meta meta) {
    long gap = staleData.onMarketEvent(meta.getEventTimeUs(), staleData.staleDataUs() > 0 && !book.workingOrders().isEmpty());
    return gap > 0 ? staleTrip(gap, meta.getEventTimeUs()) : Optional.empty();
  }

  private Optional<StateChange> staleTrip(long gapUs, long nowUs) {
    return killSwitch.trip(Trigger.STALE_DATA, String.format("no market event for %d ms while orders were working (limit %d ms)",
        gapUs / 1_000, staleData.staleDataUs() / 1_000), nowUs);
  }

  /** See {@link KillSwitch#command}; {@code operatorId} is the verified token's subject. */
  public Optional<StateChange> command(KillSwitchCommand command, String operatorId, long nowUs) {
    return killSwitch.command(command, operatorId, nowUs);
  }

  public TradingState tradingState() {
    return killSwitch.state();
  }

  public KillSwitch killSwitch() {
    return killSwitch;
  }

  public RiskMonitor monitor() {
    return monitor;
  }

  /** Orders a halt has to cancel. */
  public List<WorkingOrder> workingOrders() {
    return book.workingOrders();
  }

  public RiskBook book() {
    return book;
  }
}
