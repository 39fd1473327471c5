package dev.tradingsystem.portfolio.exchange;

/**
 * The venue's answer to a cancel.
 *
 * @param order the order as it stands now; null when it was not working
 */
public record CancelAck(Status status, WorkingOrder order) {

  /** Where the cancel stands. */
  public enum Status {
    /** Not working: never placed, already filled, expired or cancelled. */
    NOT_WORKING,
    /** Gone from the venue now (no cancel latency). */
    CANCELLED,
    /** On its way: the order can still fill until the cancel latency has passed. */
    PENDING
  }

  static CancelAck notWorking() {
    return new CancelAck(Status.NOT_WORKING, null);
  }
}
