package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.util.List;

/**
 * What every Freqtrade protection shares: the lookback window ({@code lookback_period} minutes or
 * {@code lookback_period_candles}) and the lock duration ({@code stop_duration} minutes or
 * {@code stop_duration_candles}), both already converted to minutes.
 */
public record ProtectionWindow(long lookbackMinutes, long stopDurationMinutes) {

  private static final long MINUTE_US = 60_000_000L;

  public ProtectionWindow {
    if (lookbackMinutes < 0 || stopDurationMinutes < 0) {
      throw new IllegalArgumentException("lookback and stop duration must be 0 or more minutes");
    }
  }

  /**
   * Freqtrade's {@code get_trades_proxy(pair, is_open=False, close_date=now - minutes)}: trades of
   * the pair (any pair for null) closed strictly after {@code minutes} before now.
   */
  public static List<ClosedTrade> closedWithin(List<ClosedTrade> history, String pair, long nowMicros, long minutes) {
    long since = nowMicros - minutes * MINUTE_US;
    return history.stream()
        .filter(t -> t.closedAtMicros() > since && (pair == null || t.pair().equals(pair)))
        .toList();
  }

  /** Trades within the lookback window. */
  public List<ClosedTrade> recent(List<ClosedTrade> history, String pair, long nowMicros) {
    return closedWithin(history, pair, nowMicros, lookbackMinutes);
  }

  /** Freqtrade's {@code calculate_lock_end}: the latest close plus the stop duration. */
  public long lockEnd(List<ClosedTrade> trades) {
    long latest = trades.stream().mapToLong(ClosedTrade::closedAtMicros).max().orElseThrow();
    return latest + stopDurationMinutes * MINUTE_US;
  }
}
