package dev.tradingsystem.mcp.auth;

/**
 * A request's credentials were refused: the transport answers HTTP 401 with a
 * {@code WWW-Authenticate: Bearer} challenge naming {@link #error()}.
 */
public final class McpAuthenticationException extends RuntimeException {

  private final String error;

  /**
   * @param error   the RFC 6750 error code: {@code invalid_request} (missing or malformed header),
   *                {@code invalid_token} (bad signature, expired, wrong issuer)
   * @param message a description safe to show to the caller
   */
  public McpAuthenticationException(String error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public String error() {
    return error;
  }
}
