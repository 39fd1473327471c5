package dev.tradingsystem.risk.killswitch;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.TradingState;
import java.util.Optional;

/**
 * The trading state machine: ACTIVE, REDUCING (only risk-reducing orders) and HALTED (cancels
 * only). Operators move it to any state with a reason; the drawdown trigger moves it to HALTED
 * and it stays there (latches) until an operator commands otherwise.
 *
 * <p>An operator who resumes trading while the drawdown is still above the limit has accepted
 * that drawdown: the automatic trigger fires again only when the drawdown gets worse than it was
 * at the command, or crosses the limit again after recovering below it. Otherwise a resume would
 * be undone by the very next snapshot.
 */
public final class KillSwitch {

  private final double maxDrawdown;
  private TradingState state = TradingState.ACTIVE;
  private String reason = "start";
  private long changedAtUs;
  private double lastDrawdown;
  private double acceptedDrawdown = Double.NEGATIVE_INFINITY;

  public KillSwitch(double maxDrawdown) {
    if (!(maxDrawdown > 0) || maxDrawdown > 1) {
      throw new IllegalArgumentException("maxDrawdown must be in (0, 1], got " + maxDrawdown);
    }
    this.maxDrawdown = maxDrawdown;
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

  /**
   * Obeys an operator's command.
   *
   * @return the change, or empty when the switch already was in the target state
   * @throws InvalidKillSwitchCommand when operator_id or reason is missing or the target state
   *                                  is not ACTIVE, REDUCING or HALTED
   */
  public Optional<StateChange> command(KillSwitchCommand command, long nowUs) {
    if (command.getOperatorId().isBlank()) {
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
    acceptedDrawdown = lastDrawdown;
    String why = "operator " + command.getOperatorId() + ": " + command.getReason();
    return move(target, StateChange.Trigger.MANUAL, why, command.getOperatorId(), nowUs);
  }

  /** Feeds the portfolio's current drawdown (fraction of peak equity); may halt trading. */
  public Optional<StateChange> observeDrawdown(double drawdown, long nowUs) {
    if (!Double.isFinite(drawdown)) {
      return Optional.empty();
    }
    lastDrawdown = drawdown;
    if (drawdown < maxDrawdown) {
      // Recovered below the limit: a later breach is a new breach, whatever was accepted before.
      acceptedDrawdown = Double.NEGATIVE_INFINITY;
    }
    if (state == TradingState.HALTED || drawdown < maxDrawdown || drawdown <= acceptedDrawdown) {
      return Optional.empty();
    }
    String why = String.format("drawdown %.2f%% reached the limit of %.2f%%", drawdown * 100, maxDrawdown * 100);
    return move(TradingState.HALTED, StateChange.Trigger.DRAWDOWN, why, "", nowUs);
  }

  private Optional<StateChange> move(TradingState target, StateChange.Trigger trigger, String why, String operator, long nowUs) {
    if (target == state) {
      return Optional.empty();
    }
    StateChange change = new StateChange(state, target, trigger, why, operator, nowUs);
    state = target;
    reason = why;
    changedAtUs = nowUs;
    return Optional.of(change);
  }
}
