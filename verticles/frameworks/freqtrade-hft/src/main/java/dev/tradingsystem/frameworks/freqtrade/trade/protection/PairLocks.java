package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategy's pair locks, Freqtrade's {@code PairLocks}: a lock ends at the open of the candle
 * after its requested end ({@code timeframe_to_next_date}), blocks entries (never exits) while
 * event time is before that, and a lock whose end is already covered by an existing lock is not
 * taken twice. Not thread-safe: one owner.
 */
public final class PairLocks {

  /** The pair name of a lock on every pair. */
  public static final String ALL_PAIRS = "*";

  private final Timeframe timeframe;
  private final List<PairLock> locks = new ArrayList<>();

  public PairLocks(Timeframe timeframe) {
    this.timeframe = timeframe;
  }

  /**
   * Locks {@code pair} (or {@link #ALL_PAIRS}) until the candle after {@code untilMicros}, unless a
   * lock already covers that time; returns the new lock, or null.
   */
  public PairLock lock(String pair, long untilMicros, String reason, long nowMicros, TradeSide side) {
    if (isLocked(pair, untilMicros, side)) {
      return null;
    }
    PairLock lock = new PairLock(pair, nowMicros, timeframe.nextCandleMicros(untilMicros), reason, side);
    locks.add(lock);
    return lock;
  }

  /**
   * Whether a lock on the pair or on all pairs blocks an entry at {@code nowMicros}. As in
   * Freqtrade, asking for {@link #ALL_PAIRS} counts only all-pair locks, and asking for both sides
   * (null) counts only locks on both sides.
   */
  public boolean isLocked(String pair, long nowMicros, TradeSide side) {
    for (PairLock lock : locks) {
      boolean pairMatches = pair.equals(ALL_PAIRS) ? lock.pair().equals(ALL_PAIRS)
          : lock.pair().equals(ALL_PAIRS) || lock.pair().equals(pair);
      boolean sideMatches = side == null ? lock.side() == null : lock.side() == null || lock.side() == side;
      if (pairMatches && sideMatches && lock.untilMicros() > nowMicros) {
        return true;
      }
    }
    return false;
  }

  /** Locks still in force at {@code nowMicros}; ended ones are dropped. */
  public List<PairLock> active(long nowMicros) {
    locks.removeIf(lock -> lock.untilMicros() <= nowMicros);
    return List.copyOf(locks);
  }
}
