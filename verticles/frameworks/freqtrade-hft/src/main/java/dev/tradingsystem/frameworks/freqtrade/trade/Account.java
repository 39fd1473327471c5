package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One strategy's dry-run wallet at a snapshot, Freqtrade's {@code Wallets._update_dry}: the
 * starting balance plus the net profit booked so far (realised P&amp;L minus every fee paid) minus
 * the stake tied up in open trades and working entry orders. Amounts in quote currency.
 *
 * @param startingBalance {@code dry_run_wallet}
 * @param netProfit       realised P&amp;L minus fees, all of the strategy's pairs
 * @param inTrades        cost basis of open positions plus the notional of working entry orders
 * @param openTrades      pairs with a position or a working entry order
 */
public record Account(BigDecimal startingBalance, BigDecimal netProfit, BigDecimal inTrades, int openTrades) {

  /** The strategy's account as the snapshot shows it. */
  public static Account of(PortfolioState state, String strategyId, BigDecimal startingBalance) {
    long profit = 0;
    long tied = 0;
    Map<String, Long> quantities = new HashMap<>();
    for (Position p : state.getPositionsList()) {
      if (p.getStrategyId().equals(strategyId)) {
        profit += p.getRealizedPnlMicros() - p.getFeesMicros();
        tied += Math.abs(p.getCostMicros());
        quantities.merge(p.getInstrument().getSymbol(), p.getQuantity(), Long::sum);
      }
    }
    Set<String> open = new HashSet<>();
    quantities.forEach((symbol, quantity) -> {
      if (quantity != 0) {
        open.add(symbol);
      }
    });
    for (Order o : state.getOpenOrdersList()) {
      if (!o.getStrategyId().equals(strategyId)) {
        continue;
      }
      long quantity = quantities.getOrDefault(o.getInstrument().getSymbol(), 0L);
      boolean entry = o.getSide() == Side.BUY ? quantity >= 0 : quantity <= 0;
      if (entry) {
        open.add(o.getInstrument().getSymbol());
        long remaining = Math.max(0, o.getQuantity() - o.getFilledQuantity());
        tied += o.getPrice() > 0 ? FixedPoint.notionalMicros(o.getPrice(), remaining, o.getInstrument()) : 0;
      }
    }
    return new Account(startingBalance, micros(profit), micros(tied), open.size());
  }

  /** Free stake currency: start + net profit - in trades. */
  public BigDecimal free() {
    return startingBalance.add(netProfit).subtract(inTrades);
  }

  private static BigDecimal micros(long value) {
    return BigDecimal.valueOf(value, FixedPoint.MONEY_SCALE);
  }
}
