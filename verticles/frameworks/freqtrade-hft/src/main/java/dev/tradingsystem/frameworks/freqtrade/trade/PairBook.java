package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.runtime.PortfolioSlice;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One strategy's slice of a {@link PortfolioState} for one pair: its position and its working
 * orders. This is the only source of what the strategy holds, so two runs over the same data see
 * the same book whatever the timing of execution reports.
 *
 * @param quantity   signed position in size units (positive long)
 * @param costMicros signed cost basis of the open quantity, micros of quote currency
 * @param working    the strategy's orders on this pair that can still fill, in portfolio order
 */
public record PairBook(long quantity, long costMicros, List<Order> working) {

  public static final PairBook EMPTY = new PairBook(0, 0, List.of());

  /** Filters a snapshot by strategy id and symbol. */
  public static PairBook of(PortfolioState state, String strategyId, String symbol) {
    long quantity = 0;
    long cost = 0;
    for (Position position : PortfolioSlice.positions(state, strategyId, symbol)) {
      quantity += position.getQuantity();
      cost += position.getCostMicros();
    }
    return new PairBook(quantity, cost, PortfolioSlice.workingOrders(state, strategyId, symbol));
  }

  public boolean isFlat() {
    return quantity == 0;
  }

  public List<Order> workingOn(Side side) {
    return PortfolioSlice.onSide(working, side);
  }

  /** Average entry price in quote currency: |cost| / |quantity|, scaled from micros and size units. */
  public BigDecimal entryPrice(int sizeScale) {
    if (quantity == 0) {
      throw new IllegalStateException("no open position");
    }
    return BigDecimal.valueOf(Math.abs(costMicros)).movePointRight(sizeScale)
        .divide(BigDecimal.valueOf(Math.abs(quantity)).movePointRight(6), MathContext.DECIMAL64);
  }
}
