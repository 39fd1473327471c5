package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Freqtrade's LowProfitPairs: with at least {@code trade_limit} trades of a pair closed in the
 * lookback window, lock the pair for the stop duration when their close profits add up to less
 * than {@code required_profit} (with {@code only_per_side}, counting and locking the side only).
 */
public final class LowProfitPairs implements Protection {

  private final ProtectionWindow window;
  private final int tradeLimit;
  private final BigDecimal requiredProfit;
  private final boolean onlyPerSide;

  /** Freqtrade's defaults: trade_limit 1, required_profit 0. */
  public LowProfitPairs(ProtectionWindow window, int tradeLimit, BigDecimal requiredProfit, boolean onlyPerSide) {
    this.window = window;
    this.tradeLimit = tradeLimit;
    this.requiredProfit = requiredProfit;
    this.onlyPerSide = onlyPerSide;
  }

  @Override
  public String name() {
    return "LowProfitPairs";
  }

  @Override
  public boolean hasGlobalStop() {
    return false;
  }

  @Override
  public boolean hasLocalStop() {
    return true;
  }

  @Override
  public long lookbackMinutes() {
    return window.lookbackMinutes();
  }

  @Override
  public Optional<LockRequest> globalStop(long nowMicros, TradeSide side, List<ClosedTrade> history) {
    return Optional.empty();
  }

  @Override
  public Optional<LockRequest> stopPerPair(String pair, long nowMicros, TradeSide side, List<ClosedTrade> history) {
    List<ClosedTrade> trades = window.recent(history, pair, nowMicros);
    if (trades.isEmpty() || trades.size() < tradeLimit) {
      return Optional.empty();
    }
    BigDecimal profit = trades.stream().filter(t -> !onlyPerSide || t.side() == side)
        .map(ClosedTrade::profitRatio).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (profit.compareTo(requiredProfit) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new LockRequest(window.lockEnd(trades),
        profit.stripTrailingZeros().toPlainString() + " < " + requiredProfit + " in " + window.lookbackMinutes() + " min",
        onlyPerSide ? side : null));
  }
}
