package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Freqtrade's {@code ProtectionManager} for one strategy: when a trade closes, each protection
 * that can lock a pair is asked about that pair, then each that can lock all pairs is asked, and
 * the locks they request are taken on {@link PairLocks}. Not thread-safe: one owner.
 */
public final class Protections {

  private final List<Protection> protections;
  private final PairLocks locks;

  public Protections(List<Protection> protections, Timeframe timeframe) {
    this.protections = List.copyOf(protections);
    this.locks = new PairLocks(timeframe);
  }

  /** The locks taken because {@code closed} closed at {@code nowMicros}; {@code history} includes it. */
  public List<PairLock> onTradeClosed(ClosedTrade closed, long nowMicros, List<ClosedTrade> history) {
    List<PairLock> taken = new ArrayList<>();
    TradeSide side = closed.side();
    for (Protection protection : protections) {
      if (protection.hasLocalStop()) {
        take(protection.name(), protection.stopPerPair(closed.pair(), nowMicros, side, history), closed.pair(),
            nowMicros, taken);
      }
    }
    for (Protection protection : protections) {
      if (protection.hasGlobalStop()) {
        take(protection.name(), protection.globalStop(nowMicros, side, history), PairLocks.ALL_PAIRS, nowMicros, taken);
      }
    }
    return taken;
  }

  /** Whether an entry on {@code pair} in {@code side} is locked now. */
  public boolean isEntryLocked(String pair, long nowMicros, TradeSide side) {
    return locks.isLocked(pair, nowMicros, side);
  }

  /** The locks in force now. */
  public List<PairLock> active(long nowMicros) {
    return locks.active(nowMicros);
  }

  /** The longest lookback of any protection, in minutes: how much trade history to keep. */
  public long retentionMinutes() {
    return protections.stream().mapToLong(Protection::lookbackMinutes).max().orElse(0);
  }

  public List<Protection> protections() {
    return protections;
  }

  private void take(String name, Optional<LockRequest> request, String pair, long nowMicros, List<PairLock> taken) {
    request.ifPresent(r -> {
      PairLock lock = locks.lock(pair, r.untilMicros(), name + ": " + r.reason(), nowMicros, r.side());
      if (lock != null) {
        taken.add(lock);
      }
    });
  }
}
