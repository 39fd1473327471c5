package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.proto.StrategyAllocation;
import java.util.Collection;
import java.util.List;

/**
 * How the portfolio's capital is split across strategies. The risk gate reads the result from
 * {@code PortfolioState.allocations} and limits each strategy to its own share. This first policy
 * is a fixed fraction per strategy; performance-weighted or volatility-targeted methods plug in
 * here without changing who reads the allocations.
 */
public interface AllocationPolicy {

  /** Strategy id of the entry that holds the allocation of strategies nobody configured. */
  String DEFAULT_STRATEGY = "*";

  /** The allocation of one strategy (the default one when it is not configured). */
  StrategyAllocation allocationFor(String strategyId);

  /**
   * Configured strategies and the given seen ones, sorted by id, followed by the
   * {@value #DEFAULT_STRATEGY} entry for everyone else.
   */
  List<StrategyAllocation> allocations(Collection<String> seenStrategies);
}
