package dev.tradingsystem.data.features;

/**
 * Volume-weighted average price of the current session. Sessions are fixed windows of event time
 * aligned to the epoch (by default UTC days, as trading desks reset VWAP at the day's open); the
 * first trade of a new session restarts the average. A cumulative VWAP over a multi-day replay
 * would drift far from price and stop meaning anything, and a rolling one would need the window's
 * trades kept; session VWAP is the usual benchmark and O(1).
 */
public final class SessionVwap {

  private final long sessionMicros;
  private long session = Long.MIN_VALUE;
  private double notional;
  private double volume;

  public SessionVwap(long sessionSeconds) {
    if (sessionSeconds < 1) {
      throw new IllegalArgumentException("session must be >= 1 s, got " + sessionSeconds);
    }
    this.sessionMicros = sessionSeconds * 1_000_000L;
  }

  /**
   * @param eventTimeUs trade time
   * @param price trade price
   * @param size trade size (any consistent unit: it cancels out)
   */
  public void update(long eventTimeUs, double price, double size) {
    long current = Math.floorDiv(eventTimeUs, sessionMicros);
    if (current != session) {
      session = current;
      notional = 0;
      volume = 0;
    }
    notional += price * size;
    volume += size;
  }

  /** The session VWAP, or 0 before the first trade. */
  public double value() {
    return volume > 0 ? notional / volume : 0;
  }
}
