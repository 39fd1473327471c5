package dev.tradingsystem.risk.monitor;

/**
 * P&L since the start of the current UTC day, by event time. The day's opening equity is the
 * last equity seen before midnight (the first snapshot's equity on the first day).
 */
public final class DailyPnl {

  static final long DAY_US = 86_400_000_000L;

  private boolean started;
  private long day;
  private long openingEquityMicros;
  private long lastEquityMicros;

  public void observe(long eventTimeUs, long equityMicros) {
    long today = Math.floorDiv(eventTimeUs, DAY_US);
    if (!started) {
      started = true;
      day = today;
      openingEquityMicros = equityMicros;
    } else if (today > day) {
      day = today;
      openingEquityMicros = lastEquityMicros;
    }
    lastEquityMicros = equityMicros;
  }

  /** Equity now minus the day's opening equity, micros. */
  public long pnlMicros() {
    return started ? lastEquityMicros - openingEquityMicros : 0;
  }

  public long openingEquityMicros() {
    return openingEquityMicros;
  }

  /** Today's loss as a fraction of the opening equity (0 on a winning day or without opening equity). */
  public double lossFraction() {
    long pnl = pnlMicros();
    return pnl >= 0 || openingEquityMicros <= 0 ? 0 : -pnl / (double) openingEquityMicros;
  }
}
