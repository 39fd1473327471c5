package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the rules may know about the world: the trading state, the portfolio snapshot of the
 * intent's market event and the asking strategy's own approvals since that snapshot. Nothing in
 * here depends on another strategy's intents of the same tick: cross-strategy sums (symbol caps,
 * the account's balance) see other strategies' orders once a snapshot holds them.
 */
public interface RiskView {

  TradingState tradingState();

  /** True when an intent with this id was already approved (a redelivery or a reused id). */
  boolean alreadyApproved(String intentId);

  /** The last mark (trade price, or the portfolio's mark) of a symbol in price units, when one was seen. */
  OptionalLong mark(String symbol);

  /**
   * The reference for the price collar: the quote or book mid when one is held and at most
   * {@code maxAgeUs} older than {@code nowUs}, else the last trade or mark, else nothing.
   */
  Optional<Reference> reference(String symbol, long nowUs, long maxAgeUs);

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

  /** Signed net position of the symbol over every strategy in the snapshot, size units. */
  long symbolPosition(String symbol);

  /**
   * Size working on one side of the symbol: every strategy's open orders in the snapshot plus
   * the asking strategy's approvals since.
   */
  long symbolWorkingQuantity(String askingStrategyId, String symbol, Side side);

  /**
   * Open notional of the account in micros: every position at mark and every working order in
   * the snapshot, plus the asking strategy's approvals since.
   */
  long accountExposureMicros(String askingStrategyId);

  /** The account's equity in the snapshot, micros (cash plus positions at mark). */
  long equityMicros();

  /** Throttle tokens the strategy holds at event time {@code nowUs} for new orders or for cancels. */
  double throttleTokens(String strategyId, boolean cancels, long nowUs);
}
