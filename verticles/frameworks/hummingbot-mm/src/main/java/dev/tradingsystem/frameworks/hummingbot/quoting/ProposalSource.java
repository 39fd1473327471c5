package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * Where a strategy's prices and sizes come from: the part of a Hummingbot strategy that differs
 * between pure market making (fixed spreads and levels) and Avellaneda–Stoikov (a model). The
 * order management around it (refresh, tolerance, hanging orders, fill delay, budget) is the
 * shared {@link QuoteCycle}.
 */
public interface ProposalSource {

  /** The wanted orders for this tick, before budget and post-only filtering. Never null. */
  Proposal propose(QuotingContext context, MarketView market);
}
