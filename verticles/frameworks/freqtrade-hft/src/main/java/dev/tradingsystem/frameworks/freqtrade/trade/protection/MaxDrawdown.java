package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Freqtrade's MaxDrawdown: with at least {@code trade_limit} trades closed in the lookback window,
 * add up their close profits in closing order; if the deepest fall of that running sum from its
 * peak (the peak starts at 0, so a first losing trade counts) is above
 * {@code max_allowed_drawdown}, lock all pairs for the stop duration.
 */
public final class MaxDrawdown implements Protection {

  private final ProtectionWindow window;
  private final int tradeLimit;
  private final BigDecimal maxAllowedDrawdown;

  /** Freqtrade's defaults: trade_limit 1, max_allowed_drawdown 0. */
  public MaxDrawdown(ProtectionWindow window, int tradeLimit, BigDecimal maxAllowedDrawdown) {
    this.window = window;
    this.tradeLimit = tradeLimit;
    this.maxAllowedDrawdown = maxAllowedDrawdown;
  }

  @Override
  public String name() {
    return "MaxDrawdown";
  }

  @Override
  public boolean hasGlobalStop() {
    return true;
  }

  @Override
  public boolean hasLocalStop() {
    return false;
  }

  @Override
  public long lookbackMinutes() {
    return window.lookbackMinutes();
  }

  @Override
  public Optional<LockRequest> globalStop(long nowMicros, TradeSide side, List<ClosedTrade> history) {
    List<ClosedTrade> trades = window.recent(history, null, nowMicros);
    if (trades.isEmpty() || trades.size() < tradeLimit) {
      return Optional.empty();
    }
    BigDecimal drawdown = drawdown(trades);
    if (drawdown.compareTo(maxAllowedDrawdown) <= 0) {
      return Optional.empty();
    }
    return Optional.of(new LockRequest(window.lockEnd(trades),
        drawdown.stripTrailingZeros().toPlainString() + " passed " + maxAllowedDrawdown + " in "
            + window.lookbackMinutes() + " min", null));
  }

  @Override
  public Optional<LockRequest> stopPerPair(String pair, long nowMicros, TradeSide side, List<ClosedTrade> history) {
    return Optional.empty();
  }

  /** The largest fall of the cumulative close profit from its running peak, a positive ratio. */
  static BigDecimal drawdown(List<ClosedTrade> trades) {
    BigDecimal cumulative = BigDecimal.ZERO;
    BigDecimal peak = BigDecimal.ZERO;
    BigDecimal worst = BigDecimal.ZERO;
    for (ClosedTrade trade : trades.stream().sorted(Comparator.comparingLong(ClosedTrade::closedAtMicros)).toList()) {
      cumulative = cumulative.add(trade.profitRatio());
      peak = peak.max(cumulative);
      worst = worst.max(peak.subtract(cumulative));
    }
    return worst;
  }
}
