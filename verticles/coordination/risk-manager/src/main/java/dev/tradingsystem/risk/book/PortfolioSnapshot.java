package dev.tradingsystem.risk.book;

import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * The latest portfolio snapshot and what it says about positions, working orders and budgets,
 * per strategy or for the whole account. A late (older) snapshot never replaces a newer one.
 * Not thread-safe: one owner context.
 */
final class PortfolioSnapshot {

  private PortfolioState state = PortfolioState.getDefaultInstance();
  private boolean present;

  /** @return false when {@code next} is older than the one held (a late delivery) and was ignored */
  boolean replaceWith(PortfolioState next) {
    if (present && next.getMeta().getSeq() < state.getMeta().getSeq()) {
      return false;
    }
    state = next;
    present = true;
    return true;
  }

  boolean present() {
    return present;
  }

  PortfolioState state() {
    return state;
  }

  long seq() {
    return present ? state.getMeta().getSeq() : Long.MIN_VALUE;
  }

  /** Net position in a symbol: of one strategy, or of the whole account. */
  long position(String strategyId, boolean wholeAccount, String symbol) {
    long quantity = 0;
    for (Position position : state.getPositionsList()) {
      if ((wholeAccount || position.getStrategyId().equals(strategyId)) && position.getInstrument().getSymbol().equals(symbol)) {
        quantity += position.getQuantity();
      }
    }
    return quantity;
  }

  /** Remaining quantity of the working orders on one side of a symbol: of one strategy, or of the whole account. */
  long workingQuantity(String strategyId, boolean wholeAccount, String symbol, Side side) {
    long quantity = 0;
    for (Order order : state.getOpenOrdersList()) {
      if (isWorking(order) && (wholeAccount || order.getStrategyId().equals(strategyId))
          && order.getInstrument().getSymbol().equals(symbol) && order.getSide() == side) {
        quantity += remaining(order);
      }
    }
    return quantity;
  }

  /**
   * Notional of the positions and working orders: of one strategy, or of the whole account.
   * Positions are valued by {@code positionNotional}; a market order, having no price, at
   * {@code markOf} its symbol (0 when there is none).
   */
  long exposureMicros(String strategyId, boolean wholeAccount, ToLongFunction<Position> positionNotional,
                      ToLongFunction<String> markOf) {
    long total = 0;
    for (Position position : state.getPositionsList()) {
      if ((wholeAccount || position.getStrategyId().equals(strategyId)) && position.getQuantity() != 0) {
        total += positionNotional.applyAsLong(position);
      }
    }
    for (Order order : state.getOpenOrdersList()) {
      if (isWorking(order) && (wholeAccount || order.getStrategyId().equals(strategyId))) {
        long price = order.getPrice() > 0 ? order.getPrice() : markOf.applyAsLong(order.getInstrument().getSymbol());
        total += FixedPoint.notionalMicros(price, remaining(order), order.getInstrument());
      }
    }
    return total;
  }

  /** The open orders that may still trade, in the snapshot's order. */
  List<Order> workingOrders() {
    return state.getOpenOrdersList().stream().filter(PortfolioSnapshot::isWorking).toList();
  }

  /** The strategy's allocation, else the {@code defaultAllocation} entry's, else none. */
  OptionalLong budgetMicros(String strategyId, String defaultAllocation) {
    StrategyAllocation fallback = null;
    for (StrategyAllocation allocation : state.getAllocationsList()) {
      if (allocation.getStrategyId().equals(strategyId)) {
        return OptionalLong.of(allocation.getMaxNotionalMicros());
      }
      if (allocation.getStrategyId().equals(defaultAllocation)) {
        fallback = allocation;
      }
    }
    return fallback == null ? OptionalLong.empty() : OptionalLong.of(fallback.getMaxNotionalMicros());
  }

  private static long remaining(Order order) {
    return Math.max(0, order.getQuantity() - order.getFilledQuantity());
  }

  private static boolean isWorking(Order order) {
    OrderStatus status = order.getStatus();
    return status != OrderStatus.FILLED && status != OrderStatus.CANCELLED
        && status != OrderStatus.REJECTED && status != OrderStatus.EXPIRED;
  }
}
