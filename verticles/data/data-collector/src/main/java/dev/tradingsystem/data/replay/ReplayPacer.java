package dev.tradingsystem.data.replay;

/**
 * Maps event time to wall time for a paced replay. The first paced event anchors both clocks;
 * every later event is due at {@code anchorWall + (eventTime - anchorEvent) / multiplier}. Time
 * lost waiting on the barrier or on slow consumers is not made up by sleeping less than zero:
 * a late event simply goes at once, and the schedule stays anchored so the replay catches up.
 */
public final class ReplayPacer {

  private final ReplaySpeed speed;
  private boolean anchored;
  private long anchorEventUs;
  private long anchorWallNanos;

  public ReplayPacer(ReplaySpeed speed) {
    this.speed = speed;
  }

  /**
   * Milliseconds to wait before publishing an event, 0 when it is due (always 0 at max speed).
   *
   * @param eventTimeUs the event's time
   * @param wallNanos a monotonic wall reading ({@code System.nanoTime()})
   */
  public long delayMillis(long eventTimeUs, long wallNanos) {
    if (speed.isMax()) {
      return 0;
    }
    if (!anchored) {
      anchored = true;
      anchorEventUs = eventTimeUs;
      anchorWallNanos = wallNanos;
      return 0;
    }
    double dueNanos = anchorWallNanos + (eventTimeUs - anchorEventUs) * 1_000.0 / speed.multiplier();
    double waitNanos = dueNanos - wallNanos;
    return waitNanos <= 0 ? 0 : (long) Math.ceil(waitNanos / 1_000_000.0);
  }
}
