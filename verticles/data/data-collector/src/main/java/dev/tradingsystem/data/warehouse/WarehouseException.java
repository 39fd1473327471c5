package dev.tradingsystem.data.warehouse;

/** An append the warehouse refused or could not complete. */
public final class WarehouseException extends RuntimeException {

  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
