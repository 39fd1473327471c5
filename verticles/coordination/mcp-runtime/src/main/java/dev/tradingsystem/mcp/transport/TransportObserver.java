package dev.tradingsystem.mcp.transport;

/** Hears what the transport refused, so the server can count it and dead-letter it. */
@FunctionalInterface
public interface TransportObserver {

  /** Ignores everything; for transports used without a server around them. */
  TransportObserver NONE = (reason, detail, payload) -> { };

  /**
   * One refused HTTP request.
   *
   * @param reason  a short, bounded label for metrics ({@code parse_error}, {@code body_too_large}, ...)
   * @param detail  the message sent back to the client
   * @param payload an excerpt of the body, or empty when it was not read
   */
  void rejected(String reason, String detail, String payload);
}
