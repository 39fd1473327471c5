package dev.tradingsystem.data.live;

/** A frame that cannot become a message; carries the reason code for metrics and dead letters. */
final class FrameException extends RuntimeException {

  private final LiveRejectReason reason;

  FrameException(LiveRejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  LiveRejectReason reason() {
    return reason;
  }
}
