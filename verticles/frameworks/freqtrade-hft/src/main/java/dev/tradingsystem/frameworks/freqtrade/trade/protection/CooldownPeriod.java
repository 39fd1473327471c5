package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Freqtrade's CooldownPeriod: after a trade on a pair closes, no new entry on that pair for the
 * stop duration (it has no lookback of its own: a close within the stop duration locks).
 */
public final class CooldownPeriod implements Protection {

  private final ProtectionWindow window;

  public CooldownPeriod(ProtectionWindow window) {
    this.window = window;
  }

  @Override
  public String name() {
    return "CooldownPeriod";
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
    return window.stopDurationMinutes();
  }

  @Override
  public Optional<LockRequest> globalStop(long nowMicros, TradeSide side, List<ClosedTrade> history) {
    return Optional.empty();
  }

  @Override
  public Optional<LockRequest> stopPerPair(String pair, long nowMicros, TradeSide side, List<ClosedTrade> history) {
    return ProtectionWindow.closedWithin(history, pair, nowMicros, window.stopDurationMinutes()).stream()
        .max(Comparator.comparingLong(ClosedTrade::closedAtMicros))
        .map(last -> new LockRequest(window.lockEnd(List.of(last)),
            "cooldown of " + window.stopDurationMinutes() + " min", null));
  }
}
