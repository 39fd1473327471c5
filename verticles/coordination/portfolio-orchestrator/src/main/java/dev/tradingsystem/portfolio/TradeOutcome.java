package dev.tradingsystem.portfolio;

import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import java.util.List;

/**
 * What one market trade did to the portfolio, in publishing order: executions, then order
 * updates (one per touched order, its state after the trade), then the state.
 *
 * @param state the snapshot for the trade's seq; null only when the trade carried no new seq
 *     (a duplicate or a trade without seq), since exactly one state is published per seq
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
