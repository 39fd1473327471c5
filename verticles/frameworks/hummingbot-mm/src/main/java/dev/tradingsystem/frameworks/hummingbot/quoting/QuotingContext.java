package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.TradingState;

/**
 * Everything a market maker decides on for one tick.
 *
 * @param consensus    the agents' view, carrying the features they saw
 * @param book         the strategy's inventory and working quotes from the snapshot of this tick
 * @param tradingState the risk gate's state: ACTIVE quotes, REDUCING only quotes the side that
 *                     shrinks inventory, HALTED cancels everything
 * @param stance       what the risk alerts in force want for this symbol
 */
public record QuotingContext(Consensus consensus, StrategyBook book, TradingState tradingState, MarketStance stance) {

  /** A context without alerts in force. */
  public QuotingContext(Consensus consensus, StrategyBook book, TradingState tradingState) {
    this(consensus, book, tradingState, MarketStance.NORMAL);
  }
}
