package dev.tradingsystem.agents.runtime;

/** The failure of an {@code analyze} call whose request was malformed; the agent keeps serving. */
public final class InvalidRequestException extends RuntimeException {

  private final String reason;

  public InvalidRequestException(Rejection rejection) {
    super(rejection.reason() + ": " + rejection.message());
    this.reason = rejection.reason();
  }

  /** The metric label of the rejection, e.g. {@code invalid_price}. */
  public String reason() {
    return reason;
  }
}
