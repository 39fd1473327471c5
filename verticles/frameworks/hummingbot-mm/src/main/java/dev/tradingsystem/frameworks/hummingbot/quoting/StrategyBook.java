package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.frameworks.runtime.PortfolioSlice;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import java.util.List;

/**
 * The market maker's slice of a {@link PortfolioState} for one pair: inventory, working quotes and
 * the capital allocated to the strategy. The only source of what the strategy holds, so quoting
 * does not depend on when execution reports arrive.
 *
 * @param position      signed inventory in size units
 * @param working       the strategy's orders on the pair that can still fill, in portfolio order
 * @param capitalMicros capital allocated to the strategy, micros of quote currency (0 if none)
 */
public record StrategyBook(long position, List<Order> working, long capitalMicros) {

  public static final StrategyBook EMPTY = new StrategyBook(0, List.of(), 0);

  public static StrategyBook of(PortfolioState state, String strategyId, String symbol) {
    long position = 0;
    for (Position p : PortfolioSlice.positions(state, strategyId, symbol)) {
      position += p.getQuantity();
    }
    long capital = 0;
    for (StrategyAllocation allocation : state.getAllocationsList()) {
      if (allocation.getStrategyId().equals(strategyId)) {
        capital = allocation.getCapitalMicros();
      }
    }
    return new StrategyBook(position, PortfolioSlice.workingOrders(state, strategyId, symbol), capital);
  }

  public List<Order> workingOn(Side side) {
    return PortfolioSlice.onSide(working, side);
  }
}
