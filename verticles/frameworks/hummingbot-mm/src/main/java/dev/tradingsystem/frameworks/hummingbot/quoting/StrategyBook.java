package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.frameworks.runtime.PortfolioSlice;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import java.util.List;

/**
 * The market maker's slice of a {@link PortfolioState} for one pair: inventory, working quotes,
 * the capital allocated to the strategy and what is left of it in quote currency. The only source
 * of what the strategy holds, so quoting does not depend on when execution reports arrive.
 *
 * @param position           signed inventory in size units
 * @param working            the strategy's orders on the pair that can still fill, in portfolio order
 * @param capitalMicros      capital allocated to the strategy, micros of quote currency (0 if none)
 * @param quoteBalanceMicros the strategy's quote currency on the pair: capital + realised P&amp;L −
 *                           fees − cost of the open position (Hummingbot's quote balance; with
 *                           several pairs each sees the whole capital)
 */
public record StrategyBook(long position, List<Order> working, long capitalMicros, long quoteBalanceMicros) {

  /** The portfolio's allocation entry for strategies it has no own entry for. */
  public static final String DEFAULT_ALLOCATION = "*";

  public static final StrategyBook EMPTY = new StrategyBook(0, List.of(), 0, 0);

  public StrategyBook {
    working = List.copyOf(working);
  }

  public static StrategyBook of(PortfolioState state, String strategyId, String symbol) {
    long position = 0;
    long spent = 0;
    for (Position p : PortfolioSlice.positions(state, strategyId, symbol)) {
      position += p.getQuantity();
      spent += p.getCostMicros() - p.getRealizedPnlMicros() + p.getFeesMicros();
    }
    long capital = capital(state, strategyId);
    return new StrategyBook(position, PortfolioSlice.workingOrders(state, strategyId, symbol), capital,
        capital - spent);
  }

  /** The strategy's own allocation, else the portfolio's default entry, else 0. */
  private static long capital(PortfolioState state, String strategyId) {
    long fallback = 0;
    for (StrategyAllocation allocation : state.getAllocationsList()) {
      if (allocation.getStrategyId().equals(strategyId)) {
        return allocation.getCapitalMicros();
      }
      if (allocation.getStrategyId().equals(DEFAULT_ALLOCATION)) {
        fallback = allocation.getCapitalMicros();
      }
    }
    return fallback;
  }

  public List<Order> workingOn(Side side) {
    return PortfolioSlice.onSide(working, side);
  }
}
