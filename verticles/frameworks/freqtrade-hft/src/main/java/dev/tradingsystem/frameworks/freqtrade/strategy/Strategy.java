package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;

/**
 * A Freqtrade-style strategy in plain Java. Where Freqtrade fills {@code enter_*}/{@code exit_*}
 * columns of a dataframe, a strategy here answers for the current decision point; the
 * {@code TradeManager} owns everything around it (one trade per pair, stake sizing, order types,
 * ROI table and stoploss enforcement), as the Freqtrade bot does around an {@code IStrategy}.
 *
 * <p>Implementations are pure functions of their inputs: no clock, no I/O, no randomness, so a
 * replay takes the same decisions. An exception thrown here is counted by the framework and the
 * tick ends without intents; it never stops the service.
 */
public interface Strategy {

  /** Stable id, {@code freqtrade-hft.<name>}: the strategy id on intents, orders and positions. */
  String id();

  /** Whether to open a trade now (only asked while the pair has no open trade and no working entry). */
  EntrySignal populateEntry(StrategyInput input);

  /** Whether the strategy itself wants to leave an open trade (asked after ROI and stoploss). */
  ExitSignal populateExit(StrategyInput input, OpenTrade trade);

  /** Freqtrade's {@code minimal_roi}: minutes open to the profit ratio that ends the trade. */
  RoiTable minimalRoi();

  /** Freqtrade's {@code stoploss}: a negative profit ratio at or below which the trade is closed. */
  BigDecimal stoploss();
}
