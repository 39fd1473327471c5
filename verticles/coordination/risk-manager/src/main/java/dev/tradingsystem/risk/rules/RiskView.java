package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import java.util.OptionalLong;

/**
 * What the rules may know about the world: the trading state, the portfolio snapshot of the
 * intent's market event and the asking strategy's own approvals since that snapshot. Nothing in
 * here depends on another strategy's intents of the same tick.
 */
public interface RiskView {

  TradingState tradingState();

  /** True when an intent with this id was already approved (a redelivery or a reused id). */
  boolean alreadyApproved(String intentId);

  /** The last mark (trade price) of a symbol in price units, when one was seen. */
  OptionalLong mark(String symbol);

  /** The strategy's signed position in the symbol, in size units (positive long). */
  long position(String strategyId, String symbol);

  /**
   * Size still working on one side for the strategy and symbol: open orders of the snapshot plus
   * the strategy's approvals since, in size units.
   */
  long workingQuantity(String strategyId, String symbol, Side side);

  /**
   * Gross open notional of the strategy in micros: positions at mark, working orders of the
   * snapshot and the strategy's approvals since the snapshot.
   */
  long grossExposureMicros(String strategyId);

  /** The strategy's cap on gross notional (its allocation, else the "*" allocation), if any. */
  OptionalLong budgetMicros(String strategyId);
}
