package dev.tradingsystem.mcp.transport;

import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;

/**
 * The header checks of the Streamable HTTP transport, made before a body is read: origin (DNS
 * rebinding guard), {@code Content-Type}, {@code Accept}, {@code MCP-Protocol-Version} and a declared
 * {@code Content-Length} over the limit.
 */
final class RequestChecks {

  private static final String JSON = "application/json";

  private final ServerHttpHeaderValidator headerValidator;
  private final List<String> protocolVersions;
  private final long maxBodyBytes;

  RequestChecks(ServerHttpHeaderValidator headerValidator, List<String> protocolVersions, long maxBodyBytes) {
    this.headerValidator = headerValidator;
    this.protocolVersions = List.copyOf(protocolVersions);
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The first refusal the headers earn, or null when the request may proceed. */
  HttpRejection check(HttpServerRequest request) {
    try {
      headerValidator.validate(new VertxHeaderAccessor(request.headers()));
    } catch (ServerTransportSecurityException e) {
      String reason = e.getStatusCode() == 403 ? "origin_denied" : "host_denied";
      return new HttpRejection(e.getStatusCode(), ErrorCodes.INVALID_REQUEST, reason, e.getMessage());
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || !JSON.equals(mediaType(contentType))) {
      return new HttpRejection(415, ErrorCodes.INVALID_REQUEST, "unsupported_media_type",
          "Content-Type must be application/json");
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && !acceptsJson(accept)) {
      // The spec has clients list application/json and text/event-stream; this server only ever
      // answers application/json, so that is the one it needs (a missing Accept means anything).
      return new HttpRejection(406, ErrorCodes.INVALID_REQUEST, "not_acceptable",
          "Accept must allow application/json (this stateless server does not stream)");
    }
    String version = request.getHeader(HttpHeaders.PROTOCOL_VERSION);
    if (version != null && !protocolVersions.contains(version.trim())) {
      return new HttpRejection(400, ErrorCodes.INVALID_REQUEST, "unsupported_protocol_version",
          "Unsupported MCP-Protocol-Version '" + version + "'; supported: " + protocolVersions);
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredLength(length) > maxBodyBytes) {
      return HttpRejection.bodyTooLarge(maxBodyBytes);
    }
    return null;
  }

  private static boolean acceptsJson(String accept) {
    for (String range : accept.split(",")) {
      String type = mediaType(range);
      if (type.equals(JSON) || type.equals("application/*") || type.equals("*/*")) {
        return true;
      }
    }
    return false;
  }

  private static String mediaType(String headerValue) {
    int semicolon = headerValue.indexOf(';');
    String type = semicolon < 0 ? headerValue : headerValue.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      // Netty refuses a malformed Content-Length before we see it; treat anything else as unknown.
      return -1;
    }
  }
}
