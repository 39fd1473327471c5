package dev.tradingsystem.risk.killswitch;

import dev.tradingsystem.proto.TradingState;

/**
 * One move of the kill switch.
 *
 * @param trigger    who moved it
 * @param operatorId the operator (the verified token's subject) for a manual command, empty for automatic triggers
 * @param atUs       trading-clock time of the change
 */
public record StateChange(TradingState from, TradingState to, Trigger trigger, String reason, String operatorId, long atUs) {

  /** What moved the switch; the name is {@code TradingStatus.trigger}. */
  public enum Trigger {
    MANUAL,
    DRAWDOWN,
    DAILY_LOSS,
    STALE_DATA,
    DISCONNECT,
    ERROR_RATE;

    /** Everything but MANUAL: such a halt latches until an operator resets it. */
    public boolean automatic() {
      return this != MANUAL;
    }
  }
}
