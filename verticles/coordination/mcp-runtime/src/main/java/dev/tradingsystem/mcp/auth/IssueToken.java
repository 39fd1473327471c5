package dev.tradingsystem.mcp.auth;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line: prints a bearer token for an MCP client, signed with the key in
 * {@code TRADING_MCP_AUTH_JWT_SECRET} (the process-wide key the servers read).
 *
 * <pre>{@code
 * TRADING_MCP_AUTH_JWT_SECRET=... java -cp <classpath> dev.tradingsystem.mcp.auth.IssueToken \
 *     --subject alice --roles viewer,operator --ttl PT8H [--issuer ops]
 * }</pre>
 */
public final class IssueToken {

  static final String SECRET_ENV = "TRADING_MCP_AUTH_JWT_SECRET";

  private IssueToken() {
  }

  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String secret = System.getenv(SECRET_ENV);
    if (secret == null || secret.isBlank() || args.length % 2 != 0 || !options.containsKey("--subject")) {
      System.err.println("usage: " + SECRET_ENV + "=<key> IssueToken --subject <name> "
          + "[--roles viewer,operator] [--ttl PT8H] [--issuer <iss>]");
      System.exit(2);
    }
    Set<McpRole> roles = EnumSet.noneOf(McpRole.class);
    for (String claim : options.getOrDefault("--roles", "viewer").split(",")) {
      roles.add(McpRole.fromClaim(claim)
          .orElseThrow(() -> new IllegalArgumentException("unknown role '" + claim + "'")));
    }
    Duration ttl = Duration.parse(options.getOrDefault("--ttl", "PT8H"));
    Vertx vertx = Vertx.vertx();
    try {
      String token = JwtAuthenticator.create(vertx, secret.trim(), options.get("--issuer"), false)
          .issue(options.get("--subject"), roles, ttl);
      System.out.println(token);
    } finally {
      vertx.close();
    }
  }
}
