package dev.tradingsystem.portfolio.exchange;

import java.util.Optional;

/**
 * The venue's answer to a new order: accepted as {@link #ticket()} (a reduce-only order may come
 * back clipped to the position), or refused with a reason.
 */
public record Submission(OrderTicket ticket, String refusal) {

  public static Submission accepted(OrderTicket ticket) {
    return new Submission(ticket, null);
  }

  public static Submission refused(String reason) {
    return new Submission(null, reason);
  }

  public boolean isAccepted() {
    return refusal == null;
  }

  /** Why the venue refused the order; empty when accepted. */
  public Optional<String> refusalReason() {
    return Optional.ofNullable(refusal);
  }
}
