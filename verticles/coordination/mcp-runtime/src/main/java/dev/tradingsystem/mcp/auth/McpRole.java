package dev.tradingsystem.mcp.auth;

import java.util.Locale;
import java.util.Optional;

/** Roles carried in a token's {@code roles} claim. An operator may also do everything a viewer may. */
public enum McpRole {
  /** Reads market data, signals, positions, risk state: the read-only tools and the resources. */
  VIEWER,
  /** Changes state: pauses a strategy, sets an agent weight. */
  OPERATOR;

  /** The claim value, {@code viewer} or {@code operator}. */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named by a claim value; unknown names (other systems' roles) are ignored, not errors. */
  public static Optional<McpRole> fromClaim(String claim) {
    if (claim == null) {
      return Optional.empty();
    }
    for (McpRole role : values()) {
      if (role.claim().equals(claim.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
