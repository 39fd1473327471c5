package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * Hummingbot's two timestamps per market, in event-time microseconds: when new orders may be
 * created and when resting ones may be cancelled for a refresh. Both start due.
 * <ul>
 *   <li>after a refresh cycle ({@code set_timers}): a due create time moves one refresh ahead, a
 *       due cancel time to the earlier of that and the create time;</li>
 *   <li>after a fill ({@code filled_order_delay}): creation waits the delay from now and the
 *       cancel time is pulled in to it at the latest, so the rest of the filled proposal is
 *       refreshed, not left standing.</li>
 * </ul>
 * Not thread-safe: one owner.
 */
public final class QuoteTimers {

  private long createAtUs;
  private long cancelAtUs;

  public boolean createDue(long nowUs) {
    return createAtUs <= nowUs;
  }

  public boolean cancelDue(long nowUs) {
    return cancelAtUs <= nowUs;
  }

  public long createAtUs() {
    return createAtUs;
  }

  public long cancelAtUs() {
    return cancelAtUs;
  }

  /** Hummingbot's {@code set_timers}: orders were created, or kept within tolerance. */
  public void cycleDone(long nowUs, long refreshMicros) {
    long next = nowUs + refreshMicros;
    if (createAtUs <= nowUs) {
      createAtUs = next;
    }
    if (cancelAtUs <= nowUs) {
      cancelAtUs = Math.min(createAtUs, next);
    }
  }

  /** An order completed: no new orders for {@code delayMicros}. */
  public void onFill(long nowUs, long delayMicros) {
    createAtUs = nowUs + delayMicros;
    cancelAtUs = Math.min(cancelAtUs, createAtUs);
  }
}
