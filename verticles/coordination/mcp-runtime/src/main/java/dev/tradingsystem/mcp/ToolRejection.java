package dev.tradingsystem.mcp;

/**
 * Bad input that only the service can recognise (an unknown symbol, an order id that never existed).
 * A tool handler fails its future with it; the caller gets a tool result with {@code isError: true}
 * and the message, and the refusal is counted as {@code trading_mcp_rejected_total{source=<tool>,reason}}.
 */
public final class ToolRejection extends RuntimeException {

  private final String reason;

  /**
   * @param reason  a short metrics label ({@code unknown_symbol}); keep the set small
   * @param message what the caller (often a language model) is told, so it can correct itself
   */
  public ToolRejection(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
