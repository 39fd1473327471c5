package dev.tradingsystem.portfolio;

import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import java.util.List;

/**
 * What one market trade did to the portfolio, in publishing order: executions, then order
 * updates (one per touched order, its state after the trade), then the state.
 *
 * @param state the snapshot for the trade's seq; null when the trade carried no new seq (a
 *     duplicate or a trade without seq) and for a bar's intrabar print that changed no order (no
 *     decision waits on it; the bar's close publishes the state), else exactly one per seq
 * @param rejectReason why the trade was skipped (a metric tag), or null when it was used
 */
public record TradeOutcome(List<Execution> executions, List<Order> orderUpdates, PortfolioState state,
    String rejectReason) {

  static TradeOutcome skipped(String reason, PortfolioState state) {
    return new TradeOutcome(List.of(), List.of(), state, reason);
  }

  public boolean rejected() {
    return rejectReason != null;
  }
}
