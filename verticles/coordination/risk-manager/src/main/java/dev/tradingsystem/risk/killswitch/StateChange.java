package dev.tradingsystem.risk.killswitch;

import dev.tradingsystem.proto.TradingState;

/**
 * One move of the kill switch.
 *
 * @param trigger    who moved it
 * @param operatorId the operator for a manual command, empty for automatic triggers
 * @param atUs       trading-clock time of the change
 */
public record StateChange(TradingState from, TradingState to, Trigger trigger, String reason, String operatorId, long atUs) {

  /** What moved the switch. Later triggers (stale data, error rate, VaR) add constants here. */
  public enum Trigger {
    MANUAL,
    DRAWDOWN
  }
}
