package dev.tradingsystem.mcp;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Settings of one MCP endpoint, read under a service prefix ({@code coordinator.mcp.path},
 * {@code agents.deepseek.mcp.maxBodyBytes}, ...). The three {@code auth.*} keys fall back to the
 * process-wide {@code mcp.auth.*} so one {@code TRADING_MCP_AUTH_JWT_SECRET} serves every MCP server
 * of a co-located process.
 *
 * @param path             route of the endpoint on the router; co-located services need distinct paths
 * @param maxBodyBytes     largest accepted POST body. MCP requests are small JSON; a low cap keeps a
 *                         misbehaving client from making the event loop buffer megabytes, a high one
 *                         admits long free-text arguments (sentiment of a long article)
 * @param toolTimeoutMs    deadline of one tool call; past it the caller gets a tool error instead of
 *                         a hanging HTTP request. Long enough for a remote model behind a tool
 * @param anonymousViewer  whether a request without a token may call read-only tools and read
 *                         resources: convenient on a laptop, off where the endpoint is reachable by others.
 *                         Operator tools always need a verified token
 * @param jwtSecret        HS256 key verifying bearer tokens, at least 32 bytes; null means no token
 *                         can be verified, so operator tools are unavailable
 * @param jwtIssuer        required {@code iss} of tokens, or null to accept any issuer
 * @param allowedOrigins   browser origins allowed to call (DNS-rebinding guard; requests without
 *                         an {@code Origin} header, i.e. non-browser clients, are not affected);
 *                         {@code http://host:*} allows any port
 */
public record McpServerConfig(String path, long maxBodyBytes, long toolTimeoutMs, boolean anonymousViewer,
    String jwtSecret, String jwtIssuer, List<String> allowedOrigins) {

  public static final String DEFAULT_PATH = "/mcp";
  public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
  public static final long DEFAULT_TOOL_TIMEOUT_MS = 10_000;
  public static final boolean DEFAULT_ANONYMOUS_VIEWER = true;
  public static final List<String> DEFAULT_ALLOWED_ORIGINS =
      List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");
  /** Prefix of the process-wide fallbacks of the {@code auth.*} keys. */
  public static final String SHARED_PREFIX = "mcp";
  /** HS256 needs a key at least as long as its 256-bit output to keep its strength. */
  public static final int MIN_SECRET_BYTES = 32;

  public McpServerConfig {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** Defaults everywhere: {@code /mcp}, anonymous viewers, no token key. For tests and local runs. */
  public static McpServerConfig defaults() {
    return new McpServerConfig(DEFAULT_PATH, DEFAULT_MAX_BODY_BYTES, DEFAULT_TOOL_TIMEOUT_MS,
        DEFAULT_ANONYMOUS_VIEWER, null, null, DEFAULT_ALLOWED_ORIGINS);
  }

  /**
   * Reads {@code <prefix>.path}, {@code .maxBodyBytes}, {@code .toolTimeoutMs}, {@code .allowedOrigins},
   * {@code .auth.anonymousViewer}, {@code .auth.jwtSecret}, {@code .auth.jwtIssuer}.
   *
   * @throws ConfigException naming the key of a bad value (a path without '/', a short secret, ...)
   */
  public static McpServerConfig from(ConfigReader config, String prefix) {
    String pathKey = prefix + ".path";
    String path = config.string(pathKey, DEFAULT_PATH).trim();
    if (!path.startsWith("/") || path.length() > 1 && path.endsWith("/")) {
      throw new ConfigException(pathKey, "expected an absolute path without trailing '/', got '" + path + "'");
    }
    long maxBody = config.integer(prefix + ".maxBodyBytes", DEFAULT_MAX_BODY_BYTES, 1024L, 64L * 1024 * 1024);
    long timeout = config.integer(prefix + ".toolTimeoutMs", DEFAULT_TOOL_TIMEOUT_MS, 1L, 600_000L);
    List<String> origins = config.strings(prefix + ".allowedOrigins", DEFAULT_ALLOWED_ORIGINS);

    String anonymousKey = authKey(config, prefix, "anonymousViewer");
    boolean anonymous = config.bool(anonymousKey, DEFAULT_ANONYMOUS_VIEWER);
    String secretKey = authKey(config, prefix, "jwtSecret");
    String secret = blankToNull(config.string(secretKey, null));
    if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new ConfigException(secretKey, "an HS256 key needs at least " + MIN_SECRET_BYTES + " bytes");
    }
    String issuer = blankToNull(config.string(authKey(config, prefix, "jwtIssuer"), null));
    return new McpServerConfig(path, maxBody, timeout, anonymous, secret, issuer, origins);
  }

  /** Whether bearer tokens can be verified (a key is configured). */
  public boolean tokensEnabled() {
    return jwtSecret != null;
  }

  public McpServerConfig withPath(String newPath) {
    return new McpServerConfig(newPath, maxBodyBytes, toolTimeoutMs, anonymousViewer, jwtSecret, jwtIssuer,
        allowedOrigins);
  }

  public McpServerConfig withMaxBodyBytes(long bytes) {
    return new McpServerConfig(path, bytes, toolTimeoutMs, anonymousViewer, jwtSecret, jwtIssuer, allowedOrigins);
  }

  public McpServerConfig withToolTimeoutMs(long millis) {
    return new McpServerConfig(path, maxBodyBytes, millis, anonymousViewer, jwtSecret, jwtIssuer, allowedOrigins);
  }

  public McpServerConfig withAuth(boolean anonymous, String secret, String issuer) {
    return new McpServerConfig(path, maxBodyBytes, toolTimeoutMs, anonymous, secret, issuer, allowedOrigins);
  }

  @Override
  public String toString() {
    // The key never reaches a log line.
    return "McpServerConfig[path=" + path + ", maxBodyBytes=" + maxBodyBytes + ", toolTimeoutMs="
        + toolTimeoutMs + ", anonymousViewer=" + anonymousViewer + ", jwtSecret="
        + (jwtSecret == null ? "absent" : "set") + ", jwtIssuer=" + jwtIssuer + ", allowedOrigins="
        + allowedOrigins + "]";
  }

  /** The service key when set, else the process-wide {@code mcp.auth.<name>} key. */
  private static String authKey(ConfigReader config, String prefix, String name) {
    String own = prefix + ".auth." + name;
    return config.raw(own) != null ? own : SHARED_PREFIX + ".auth." + name;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
