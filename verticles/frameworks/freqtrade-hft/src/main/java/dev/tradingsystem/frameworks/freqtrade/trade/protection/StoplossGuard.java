package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Freqtrade's StoplossGuard: once {@code trade_limit} trades closed by a (trailing) stoploss with a
 * profit below {@code required_profit} within the lookback window, lock for the stop duration; all
 * pairs, or only the pair with {@code only_per_pair}, and only the losing side with
 * {@code only_per_side}. A close profit of exactly 0 does not count (Freqtrade skips falsy profits).
 */
public final class StoplossGuard implements Protection {

  private final ProtectionWindow window;
  private final int tradeLimit;
  private final boolean onlyPerPair;
  private final boolean onlyPerSide;
  private final BigDecimal requiredProfit;

  /** Freqtrade's defaults: trade_limit 10, required_profit 0, both flags off. */
  public StoplossGuard(ProtectionWindow window, int tradeLimit, boolean onlyPerPair, boolean onlyPerSide,
      BigDecimal requiredProfit) {
    this.window = window;
    this.tradeLimit = tradeLimit;
    this.onlyPerPair = onlyPerPair;
    this.onlyPerSide = onlyPerSide;
    this.requiredProfit = requiredProfit;
  }

  @Override
  public String name() {
    return "StoplossGuard";
  }

  @Override
  public boolean hasGlobalStop() {
    return true;
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
    return onlyPerPair ? Optional.empty() : guard(null, nowMicros, side, history);
  }

  @Override
  public Optional<LockRequest> stopPerPair(String pair, long nowMicros, TradeSide side, List<ClosedTrade> history) {
    return guard(pair, nowMicros, side, history);
  }

  private Optional<LockRequest> guard(String pair, long nowMicros, TradeSide side, List<ClosedTrade> history) {
    List<ClosedTrade> stops = window.recent(history, pair, nowMicros).stream()
        .filter(t -> t.exitReason().isStoploss() && t.profitRatio().signum() != 0
            && t.profitRatio().compareTo(requiredProfit) < 0)
        .filter(t -> !onlyPerSide || t.side() == side)
        .toList();
    if (stops.size() < tradeLimit) {
      return Optional.empty();
    }
    return Optional.of(new LockRequest(window.lockEnd(stops),
        tradeLimit + " stoplosses in " + window.lookbackMinutes() + " min", onlyPerSide ? side : null));
  }
}
