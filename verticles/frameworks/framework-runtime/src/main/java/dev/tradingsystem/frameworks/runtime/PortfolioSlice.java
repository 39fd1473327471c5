package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import java.util.List;

/**
 * One strategy's part of a {@link PortfolioState} on one pair. Frameworks read what their strategy
 * holds only from the snapshot of the tick (never from execution reports), so two runs over the
 * same data see the same holdings whatever the timing; each framework builds its own book on this.
 */
public final class PortfolioSlice {

  private PortfolioSlice() {
  }

  /** The strategy's positions on the pair, in portfolio order. */
  public static List<Position> positions(PortfolioState state, String strategyId, String symbol) {
    return state.getPositionsList().stream()
        .filter(p -> p.getStrategyId().equals(strategyId) && p.getInstrument().getSymbol().equals(symbol))
        .toList();
  }

  /** The strategy's orders on the pair that can still fill, in portfolio order. */
  public static List<Order> workingOrders(PortfolioState state, String strategyId, String symbol) {
    return state.getOpenOrdersList().stream()
        .filter(o -> o.getStrategyId().equals(strategyId) && o.getInstrument().getSymbol().equals(symbol)
            && isWorking(o.getStatus()))
        .toList();
  }

  /** Whether an order in this state can still fill; an unset status counts, the snapshot lists it as open. */
  public static boolean isWorking(OrderStatus status) {
    return status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED
        || status == OrderStatus.ORDER_STATUS_UNSPECIFIED;
  }

  /** The orders on one side, in their order. */
  public static List<Order> onSide(List<Order> orders, Side side) {
    return orders.stream().filter(o -> o.getSide() == side).toList();
  }
}
