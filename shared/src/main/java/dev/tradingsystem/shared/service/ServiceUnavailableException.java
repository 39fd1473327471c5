package dev.tradingsystem.shared.service;

/** A contract has no implementation in this process and no reachable remote endpoint. */
public final class ServiceUnavailableException extends RuntimeException {

  public ServiceUnavailableException(String message) {
    super(message);
  }

  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
