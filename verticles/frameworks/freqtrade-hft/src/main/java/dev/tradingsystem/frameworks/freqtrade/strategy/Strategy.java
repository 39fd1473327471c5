package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A Freqtrade-style strategy in plain Java. Where Freqtrade fills {@code enter_*}/{@code exit_*}
 * columns of a dataframe, a strategy here answers for the current row of one pair; the trade
 * manager owns everything around it (one trade per pair, wallet and stake rules, order types,
 * ROI table, stoploss and trailing stop, protections), as the Freqtrade bot does around an
 * {@code IStrategy}. Every callback but the three signal methods has a default that changes
 * nothing, so a strategy overrides only what it uses.
 *
 * <p>Implementations are deterministic functions of their inputs: no clock (time arrives as
 * {@code nowMicros}), no I/O, no randomness, so a replay takes the same decisions. State kept
 * across rows (an incremental indicator) is allowed if it depends only on the rows seen. An
 * exception thrown here is contained: it is counted against this strategy, the built-in exits
 * still protect its open trades, and a strategy that keeps throwing is paused; the other
 * strategies of the service are not affected.
 */
public interface Strategy {

  /** {@code minimal_roi}, {@code stoploss}, trailing, timeframe, shorting, DCA: overridable by config. */
  StrategyDefaults defaults();

  /** {@code populate_indicators}: add the strategy's own columns to the row ({@link StrategyInput#with}). */
  default StrategyInput populateIndicators(StrategyInput input) {
    return input;
  }

  /** {@code populate_entry_trend}: whether to open a trade now (asked while the pair has no trade). */
  EntrySignal populateEntry(StrategyInput input);

  /** {@code populate_exit_trend}: whether the strategy itself wants to leave {@code trade}. */
  ExitSignal populateExit(StrategyInput input, OpenTrade trade);

  /** {@code custom_stake_amount}: the stake for a new trade; the framework clamps it to the bounds. */
  default BigDecimal customStakeAmount(StakeRequest request) {
    return request.proposedStake();
  }

  /** {@code confirm_trade_entry}: last word on an entry about to be sent; false drops it. */
  default boolean confirmTradeEntry(StrategyInput input, TradeSide side, long quantity, BigDecimal rate,
      String entryTag) {
    return true;
  }

  /**
   * {@code custom_stoploss}: a new stop distance as a ratio of the current rate (-0.03 is 3 % below
   * a long's current rate; the sign is ignored, as in Freqtrade), or empty to keep the stop. The
   * stop only ever tightens; asked only while the price is on the right side of the stop.
   */
  default Optional<BigDecimal> customStoploss(TradeContext context) {
    return Optional.empty();
  }

  /** {@code custom_exit}: a reason to exit now, or empty. */
  default Optional<String> customExit(TradeContext context) {
    return Optional.empty();
  }

  /** {@code confirm_trade_exit}: last word on an exit; false keeps the trade (the next exit reason is tried). */
  default boolean confirmTradeExit(TradeContext context, long quantity, String exitReason) {
    return true;
  }

  /**
   * {@code adjust_trade_position}: quote currency to add (positive: DCA) or take off (negative:
   * partial exit of that share of the stake), or empty. Asked only with position adjustment
   * enabled and no order of the trade working; additions beyond
   * {@code max_entry_position_adjustment} are refused by the framework.
   */
  default Optional<BigDecimal> adjustTradePosition(TradeContext context, BigDecimal minStake, BigDecimal maxStake) {
    return Optional.empty();
  }
}
