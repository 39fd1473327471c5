package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.AllocationPolicy;
import dev.tradingsystem.portfolio.book.EquityCurve;
import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.ExchangeAdapter;
import dev.tradingsystem.portfolio.exchange.WorkingOrder;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.msg.Metas;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@code PortfolioState} the engine publishes, and its view for one strategy. */
final class PortfolioSnapshots {

  private PortfolioSnapshots() {
  }

  /**
   * The portfolio as of {@code cause}: cash, equity, P&amp;L, drawdowns, positions, the orders
   * working on the venue (in the venue's order) and every strategy's allocation.
   */
  static PortfolioState of(Meta cause, ExchangeAdapter exchange, OrderLedger ledger, PositionBook book,
      EquityCurve equity, AllocationPolicy allocation) {
    List<Order> open = new ArrayList<>();
    for (WorkingOrder working : exchange.workingOrders()) {
      Order order = ledger.open(working.ticket().orderId());
      if (order != null) {
        open.add(order);
      }
    }
    return PortfolioState.newBuilder()
        .setMeta(Metas.derive(cause, "ps-" + cause.getSeq()))
        .setCashMicros(book.cashMicros())
        .setEquityMicros(book.equityMicros())
        .setRealizedPnlMicros(book.realizedMicros())
        .setUnrealizedPnlMicros(book.unrealizedMicros())
        .setFeesMicros(book.feesMicros())
        .setPeakEquityMicros(equity.peakMicros())
        .setDrawdown(equity.drawdown())
        .setMaxDrawdown(equity.maxDrawdown())
        .addAllPositions(book.positions(null))
        .addAllOpenOrders(open)
        .addAllAllocations(allocation.allocations(ledger.strategies()))
        .setOrders(ledger.digest().count())
        .setFills(ledger.fills())
        .build();
  }

  /** {@code latest} cut to one strategy: its positions, open orders and allocation; all when blank. */
  static PortfolioState forStrategy(PortfolioState latest, String strategyId, AllocationPolicy allocation) {
    if (strategyId == null || strategyId.isEmpty()) {
      return latest;
    }
    return latest.toBuilder()
        .clearPositions().addAllPositions(latest.getPositionsList().stream()
            .filter(p -> p.getStrategyId().equals(strategyId)).toList())
        .clearOpenOrders().addAllOpenOrders(latest.getOpenOrdersList().stream()
            .filter(o -> o.getStrategyId().equals(strategyId)).toList())
        .clearAllocations().addAllocations(allocation.allocationFor(strategyId))
        .build();
  }
}
