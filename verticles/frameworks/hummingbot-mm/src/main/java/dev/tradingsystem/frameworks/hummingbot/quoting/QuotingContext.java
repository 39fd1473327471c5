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
 * @param riskCuts     where quotes cut or skipped by the consensus's size haircut are counted
 */
public record QuotingContext(Consensus consensus, StrategyBook book, TradingState tradingState, MarketStance stance,
    RiskCuts riskCuts) {

  /** A context without alerts in force. */
  public QuotingContext(Consensus consensus, StrategyBook book, TradingState tradingState) {
    this(consensus, book, tradingState, MarketStance.NORMAL);
  }

  /** A context whose haircut effects are not reported (tests, tools). */
  public QuotingContext(Consensus consensus, StrategyBook book, TradingState tradingState, MarketStance stance) {
    this(consensus, book, tradingState, stance, new RiskCuts());
  }

  /** The coordinator's size haircut for this tick, in [0, 1] (checked at the framework's boundary). */
  public double haircut() {
    return consensus.getSizeHaircut();
  }

  /** Whether only inventory-reducing quotes may be placed: REDUCING, or a haircut of 1. */
  public boolean reduceOnly() {
    return tradingState == TradingState.REDUCING || SizeHaircut.reduceOnly(haircut());
  }
}
