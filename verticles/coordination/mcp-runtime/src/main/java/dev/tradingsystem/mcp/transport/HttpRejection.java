package dev.tradingsystem.mcp.transport;

import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;

/**
 * An HTTP-level refusal of an MCP request: the status, the JSON-RPC error put in the body (so a
 * client that only reads JSON-RPC still learns why), and a bounded metrics label.
 *
 * @param status  HTTP status
 * @param code    JSON-RPC error code of the body
 * @param reason  metrics label ({@code trading_mcp_rejected_total{source="http",reason}})
 * @param message what the client is told
 */
public record HttpRejection(int status, int code, String reason, String message) {

  /** JSON-RPC code of a request whose credentials were refused (implementation-defined range). */
  public static final int UNAUTHENTICATED = -32001;

  static HttpRejection parseError(String message) {
    return new HttpRejection(400, ErrorCodes.PARSE_ERROR, "parse_error", message);
  }

  static HttpRejection invalidRequest(String message) {
    return new HttpRejection(400, ErrorCodes.INVALID_REQUEST, "invalid_request", message);
  }

  static HttpRejection bodyTooLarge(long limit) {
    return new HttpRejection(413, ErrorCodes.INVALID_REQUEST, "body_too_large",
        "Request body exceeds the limit of " + limit + " bytes");
  }
}
