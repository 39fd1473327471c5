package dev.tradingsystem.agents.runtime;

/**
 * A remote backend call that failed for a reason the fallback should report: {@code http_429},
 * {@code http_5xx}, {@code http_4xx}, {@code invalid_answer}, {@code not_ready}. No stack trace: these are expected
 * outcomes of talking to a network service, counted by reason, not bugs.
 */
public final class RemoteCallException extends RuntimeException {

  /**
   * The reason of a request that needs no remote answer (the sentiment agent without a headline):
   * the built-in model's answer stands and is not degraded.
   */
  public static final String NOTHING_TO_ASK = "nothing_to_ask";

  private final String reason;

  public RemoteCallException(String reason, String message) {
    super(reason + ": " + message, null, false, false);
    this.reason = reason;
  }

  /** The degraded reason and metric outcome label. */
  public String reason() {
    return reason;
  }
}
