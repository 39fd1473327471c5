package dev.tradingsystem.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.util.Map;

/**
 * JSON-RPC errors this runtime adds to the MCP set. Codes sit in JSON-RPC's implementation-defined
 * range (-32000..-32099) and clear of the codes MCP itself assigns (-32002, -32042).
 */
public final class McpErrors {

  /** The caller lacks the role a tool or resource needs (HTTP-level refusals use -32001). */
  public static final int FORBIDDEN = -32003;

  private McpErrors() {
  }

  /** A tool or resource refused for want of a role; {@code data} names what was needed. */
  public static McpError forbidden(String target, String message, String requiredRole) {
    return McpError.builder(FORBIDDEN).message(message)
        .data(Map.of("target", target, "requiredRole", requiredRole)).build();
  }

  /** A resource whose reader failed: an internal error, the cause's message kept for the caller. */
  public static McpError resourceFailed(String uri, String message) {
    return McpError.builder(ErrorCodes.INTERNAL_ERROR).message("Reading " + uri + " failed: " + message).build();
  }
}
