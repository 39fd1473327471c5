package dev.tradingsystem.risk;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.book.RiskBook;
import dev.tradingsystem.risk.book.WorkingOrder;
import dev.tradingsystem.risk.killswitch.KillSwitch;
import dev.tradingsystem.risk.killswitch.StateChange;
import dev.tradingsystem.risk.rules.CheckResult;
import dev.tradingsystem.risk.rules.PreTradeCheck;
import dev.tradingsystem.risk.rules.RiskLimits;
import java.util.List;
import java.util.Optional;

/**
 * The risk gate's decisions without any transport: the pre-trade pipeline over the
 * {@link RiskBook}, and the {@link KillSwitch} fed by portfolio snapshots and operator commands.
 * Not thread-safe: the verticle calls it from its one context.
 */
public final class RiskEngine {

  private final KillSwitch killSwitch;
  private final RiskBook book;
  private final PreTradeCheck check;

  public RiskEngine(RiskLimits limits, int dedupeWindow) {
    this(limits, dedupeWindow, PreTradeCheck.standard(limits));
  }

  public RiskEngine(RiskLimits limits, int dedupeWindow, PreTradeCheck check) {
    this.killSwitch = new KillSwitch(limits.maxDrawdown());
    this.book = new RiskBook(killSwitch::state, dedupeWindow);
    this.check = check;
  }

  /**
   * Runs the pre-trade check; an approved intent is recorded at once (duplicate id, exposure of
   * its strategy) so the next intent of the same strategy sees it.
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

  /** Takes the snapshot and checks the drawdown trigger; a late (older) snapshot changes nothing. */
  public Optional<StateChange> onPortfolioState(PortfolioState state, long nowUs) {
    if (!book.onSnapshot(state)) {
      return Optional.empty();
    }
    return killSwitch.observeDrawdown(state.getDrawdown(), nowUs);
  }

  public void onTrade(Trade trade) {
    book.onTrade(trade.getInstrument().getSymbol(), trade.getPrice(), trade.getMeta().getSeq(), trade.getMeta().getEventTimeUs());
  }

  /** See {@link KillSwitch#command}. */
  public Optional<StateChange> command(KillSwitchCommand command, long nowUs) {
    return killSwitch.command(command, nowUs);
  }

  public TradingState tradingState() {
    return killSwitch.state();
  }

  public KillSwitch killSwitch() {
    return killSwitch;
  }

  /** Orders a halt has to cancel. */
  public List<WorkingOrder> workingOrders() {
    return book.workingOrders();
  }

  public RiskBook book() {
    return book;
  }
}
