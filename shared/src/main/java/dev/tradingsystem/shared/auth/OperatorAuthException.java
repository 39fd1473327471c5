package dev.tradingsystem.shared.auth;

/** A state-changing command without a valid operator token; the message says what was wrong. */
public final class OperatorAuthException extends RuntimeException {

  public OperatorAuthException(String message) {
    super(message, null, false, false);
  }
}
