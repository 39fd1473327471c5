package dev.tradingsystem.mcp.auth;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who sent an MCP request, as the HTTP layer established it. The transport puts it into the SDK's
 * {@link McpTransportContext} under {@link #CONTEXT_KEY}, so tool and resource handlers can check roles.
 *
 * @param subject       the token's {@code sub}, or {@value #ANONYMOUS} for an unauthenticated viewer
 * @param roles         the roles the caller holds
 * @param authenticated whether the roles come from a verified token
 */
public record McpCaller(String subject, Set<McpRole> roles, boolean authenticated) {

  /** Key of the caller in the transport context. */
  public static final String CONTEXT_KEY = "trading.mcp.caller";
  public static final String ANONYMOUS = "anonymous";

  public McpCaller {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** The caller of a request without a token when anonymous viewing is enabled. */
  public static McpCaller anonymousViewer() {
    return new McpCaller(ANONYMOUS, Set.of(McpRole.VIEWER), false);
  }

  /** A caller with no role at all: may list tools, may call none. */
  public static McpCaller nobody() {
    return new McpCaller(ANONYMOUS, Set.of(), false);
  }

  /** The caller stored in a transport context; a context without one (a direct SDK call) holds nobody. */
  public static McpCaller from(McpTransportContext context) {
    Object caller = context == null ? null : context.get(CONTEXT_KEY);
    return caller instanceof McpCaller c ? c : nobody();
  }

  /** Read-only tools and resources: viewers and operators. */
  public boolean canView() {
    return roles.contains(McpRole.VIEWER) || canOperate();
  }

  /** Operator tools: only with the operator role from a verified token. */
  public boolean canOperate() {
    return authenticated && roles.contains(McpRole.OPERATOR);
  }

  /** Whether the caller holds a role (an operator holds viewer implicitly). */
  public boolean has(McpRole role) {
    return role == McpRole.VIEWER ? canView() : canOperate();
  }
}
