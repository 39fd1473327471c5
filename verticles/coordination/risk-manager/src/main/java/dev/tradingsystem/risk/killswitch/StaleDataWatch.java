package dev.tradingsystem.risk.killswitch;

/**
 * Stale market data, two ways: the data-collector's {@value #STALE_ALERT} alert (it measures
 * silence per symbol on a monotonic clock), and, when {@code staleDataUs} is set, a gap of more
 * than that much event time between market events while orders are working.
 */
public final class StaleDataWatch {

  /** The data-collector's code (StalenessAlerts.STALE_CODE). */
  public static final String STALE_ALERT = "STALE_MARKET_DATA";

  private final long staleDataUs;
  private long lastEventUs = Long.MIN_VALUE;

  public StaleDataWatch(long staleDataUs) {
    this.staleDataUs = staleDataUs;
  }

  /**
   * A market event at {@code eventTimeUs}; returns the silence it ended, in µs, when that silence
   * was too long while orders were working, else 0.
   */
  public long onMarketEvent(long eventTimeUs, boolean ordersWorking) {
    long gap = check(eventTimeUs, ordersWorking);
    lastEventUs = Math.max(lastEventUs, eventTimeUs);
    return gap;
  }

  /** The silence so far at {@code nowUs} when it is too long while orders work, else 0 (live: called on a timer). */
  public long check(long nowUs, boolean ordersWorking) {
    if (staleDataUs <= 0 || !ordersWorking || lastEventUs == Long.MIN_VALUE) {
      return 0;
    }
    long gap = nowUs - lastEventUs;
    return gap > staleDataUs ? gap : 0;
  }

  public static boolean isStaleAlert(String code) {
    return STALE_ALERT.equals(code);
  }

  public long staleDataUs() {
    return staleDataUs;
  }
}
