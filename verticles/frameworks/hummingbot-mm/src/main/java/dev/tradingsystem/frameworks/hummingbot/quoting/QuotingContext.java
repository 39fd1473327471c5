package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.TradingState;

/**
 * Everything a market maker decides on for one tick.
 *
 * @param consensus    the agents' view, carrying the features they saw
 * @param book         the strategy's inventory and working quotes from the snapshot of this tick
 * @param tradingState the risk gate's state: quoting only while ACTIVE
 */
public record QuotingContext(Consensus consensus, StrategyBook book, TradingState tradingState) {
}
