package dev.tradingsystem.mcp;

import dev.tradingsystem.mcp.auth.McpRole;

/** Who may call a tool. */
public enum ToolAccess {
  /** Reads state: anonymous viewers (when enabled), viewers and operators. */
  READ_ONLY(McpRole.VIEWER),
  /** Changes state (pause a strategy, set a weight): only a verified token with the operator role. */
  OPERATOR(McpRole.OPERATOR);

  private final McpRole requiredRole;

  ToolAccess(McpRole requiredRole) {
    this.requiredRole = requiredRole;
  }

  public McpRole requiredRole() {
    return requiredRole;
  }
}
