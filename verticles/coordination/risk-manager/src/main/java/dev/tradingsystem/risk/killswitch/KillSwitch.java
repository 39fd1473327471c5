package dev.tradingsystem.risk.killswitch;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.killswitch.StateChange.Trigger;
import java.util.Optional;

/**
 * The trading state machine: ACTIVE, REDUCING (only risk-reducing orders) and HALTED (cancels
 * only). Verified operators move it to any state with a reason. Automatic triggers (drawdown,
 * daily loss, stale data, disconnect, error rate) move it to HALTED and latch: no automatic
 * recovery, only an operator's command clears the latch. A trigger while HALTED changes nothing.
 *
 * <p>An operator who resumes trading while the drawdown or daily loss is still above its limit
 * has accepted that level: the trigger fires again only when it gets worse, or crosses the limit
 * again after recovering below it.
 */
public final class KillSwitch {

  private final BreachLatch drawdown;
  private final BreachLatch dailyLoss;
  private TradingState state = TradingState.ACTIVE;
  private Trigger trigger = Trigger.MANUAL;
  private boolean latched;
  private String reason = "start";
  private long changedAtUs;

  public KillSwitch(double maxDrawdown) {
    this(maxDrawdown, 1);
  }

  /**
   * @param maxDrawdown  drawdown from peak equity (fraction) that halts
   * @param maxDailyLoss loss since the start of the UTC day as a fraction of that day's opening equity that halts
   */
  public KillSwitch(double maxDrawdown, double maxDailyLoss) {
    if (!(maxDrawdown > 0) || maxDrawdown > 1) {
      throw new IllegalArgumentException("maxDrawdown must be in (0, 1], got " + maxDrawdown);
    }
    if (!(maxDailyLoss > 0) || maxDailyLoss > 1) {
      throw new IllegalArgumentException("maxDailyLoss must be in (0, 1], got " + maxDailyLoss);
    }
    this.drawdown = new BreachLatch(maxDrawdown);
    this.dailyLoss = new BreachLatch(maxDailyLoss);
  }

  public TradingState state() {
    return state;
  }

  public String reason() {
    return reason;
  }

  public long changedAtUs() {
    return changedAtUs;
  }

  /** What made the last move. */
  public Trigger trigger() {
    return trigger;
  }

  /** True while an automatic trigger holds the state: it waits for an operator. */
  public boolean latched() {
    return latched;
  }

  /**
   * Obeys a verified operator's command.
   *
   * @param operatorId the subject of the operator token the caller verified
   * @return the change, or empty when the switch already was in the target state (the latch is
   *         cleared either way: an operator has looked at it)
   * @throws InvalidKillSwitchCommand when the operator or reason is missing, the target state
   *                                  is not ACTIVE, REDUCING or HALTED, or flatten is asked with ACTIVE
   */
  public Optional<StateChange> command(KillSwitchCommand command, String operatorId, long nowUs) {
    if (operatorId == null || operatorId.isBlank()) {
      throw new InvalidKillSwitchCommand("kill switch: operator_id is required");
    }
    if (command.getReason().isBlank()) {
      throw new InvalidKillSwitchCommand("kill switch: reason is required");
    }
    TradingState target = command.getTargetState();
    if (target != TradingState.ACTIVE && target != TradingState.REDUCING && target != TradingState.HALTED) {
      throw new InvalidKillSwitchCommand("kill switch: target_state must be ACTIVE, REDUCING or HALTED, got "
          + command.getTargetStateValue());
    }
    if (command.getFlatten() && target == TradingState.ACTIVE) {
      throw new InvalidKillSwitchCommand("kill switch: flatten goes with HALTED or REDUCING, not ACTIVE");
    }
    drawdown.accept();
    dailyLoss.accept();
    latched = false;
    String why = "operator " + operatorId + ": " + command.getReason();
    Optional<StateChange> change = move(target, Trigger.MANUAL, why, operatorId, nowUs);
    if (change.isEmpty()) {
      trigger = Trigger.MANUAL;
    }
    return change;
  }

  /** Feeds the portfolio's current drawdown (fraction of peak equity); may halt trading. */
  public Optional<StateChange> observeDrawdown(double value, long nowUs) {
    if (!drawdown.observe(value)) {
      return Optional.empty();
    }
    return trip(Trigger.DRAWDOWN,
        String.format("drawdown %.2f%% reached the limit of %.2f%%", value * 100, drawdown.limit() * 100), nowUs);
  }

  /** Feeds today's loss as a fraction of the day's opening equity (positive = loss); may halt trading. */
  public Optional<StateChange> observeDailyLoss(double lossFraction, long nowUs) {
    if (!dailyLoss.observe(lossFraction)) {
      return Optional.empty();
    }
    return trip(Trigger.DAILY_LOSS, String.format("daily loss %.2f%% of the day's opening equity reached the limit of %.2f%%",
        lossFraction * 100, dailyLoss.limit() * 100), nowUs);
  }

  /** An automatic trigger: HALTED and latched, unless already halted. */
  public Optional<StateChange> trip(Trigger cause, String why, long nowUs) {
    if (!cause.automatic()) {
      throw new IllegalArgumentException("only automatic triggers trip; operators command");
    }
    if (state == TradingState.HALTED) {
      return Optional.empty();
    }
    latched = true;
    return move(TradingState.HALTED, cause, why, "", nowUs);
  }

  private Optional<StateChange> move(TradingState target, Trigger cause, String why, String operator, long nowUs) {
    if (target == state) {
      return Optional.empty();
    }
    StateChange change = new StateChange(state, target, cause, why, operator, nowUs);
    state = target;
    trigger = cause;
    reason = why;
    changedAtUs = nowUs;
    return Optional.of(change);
  }
}
