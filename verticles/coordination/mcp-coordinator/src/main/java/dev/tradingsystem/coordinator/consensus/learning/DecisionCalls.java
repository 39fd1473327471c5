package dev.tradingsystem.coordinator.consensus.learning;

import java.util.List;

/**
 * Who leaned which way at one decision (panel and shadow agents alike), remembered by the
 * decision's trace id so that the fills it caused can be credited back.
 *
 * @param traceId the market event's trace ({@code t-42}), carried by the consensus, the intents
 *                and the orders placed on it
 * @param symbol  instrument symbol
 * @param calls   the agents' calls, in asking order
 */
public record DecisionCalls(String traceId, String symbol, List<AgentCall> calls) {

  public DecisionCalls {
    calls = List.copyOf(calls);
  }
}
