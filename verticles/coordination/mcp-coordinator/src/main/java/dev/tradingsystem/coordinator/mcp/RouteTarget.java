package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.shared.config.ConfigException;
import java.net.URI;

/**
 * Where a routed tool ({@code forecast}, {@code sentiment}) is answered, as configured under
 * {@code coordinator.mcp.routes.<tool>}:
 * <ul>
 *   <li>{@code agent:<service>}: the agent's {@code AgentService.analyze} (local call when
 *       co-located, gRPC when not);</li>
 *   <li>{@code /mcp/fingpt}: an MCP tool on this process's own HTTP listener (co-located agent);</li>
 *   <li>{@code http://host:port/mcp/fingpt}: an MCP tool on another process.</li>
 * </ul>
 *
 * @param kind  which of the three
 * @param value the service name, path or URL
 */
public record RouteTarget(Kind kind, String value) {

  /** How a route reaches its agent. */
  public enum Kind { AGENT_SERVICE, LOCAL_PATH, URL }

  static final String AGENT_PREFIX = "agent:";

  /** @throws ConfigException naming {@code key} for a value that is none of the three forms */
  public static RouteTarget parse(String key, String text) {
    String value = text == null ? "" : text.trim();
    if (value.startsWith(AGENT_PREFIX) && value.length() > AGENT_PREFIX.length()) {
      return new RouteTarget(Kind.AGENT_SERVICE, value.substring(AGENT_PREFIX.length()).trim());
    }
    if (value.startsWith("/") && !value.startsWith("//")) {
      return new RouteTarget(Kind.LOCAL_PATH, value);
    }
    if (value.startsWith("http://") || value.startsWith("https://")) {
      try {
        URI uri = URI.create(value);
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("no host");
        }
        return new RouteTarget(Kind.URL, value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(key, "not a usable URL: '" + value + "' (" + e.getMessage() + ")");
      }
    }
    throw new ConfigException(key, "expected 'agent:<service>', a path on this process's listener such as "
        + "'/mcp/fingpt', or an http(s) URL, got '" + value + "'");
  }

  public boolean isMcp() {
    return kind != Kind.AGENT_SERVICE;
  }

  /**
   * The MCP endpoint of this route; a local path resolves against this process's listener on
   * loopback.
   *
   * @param localPort the process's HTTP port, or a negative number when it has no listener
   * @throws IllegalStateException for an agent-service route, or a local path without a listener
   */
  public URI endpoint(int localPort) {
    return switch (kind) {
      case URL -> URI.create(value);
      case LOCAL_PATH -> {
        if (localPort <= 0) {
          throw new IllegalStateException("this process has no HTTP listener to reach " + value + " on");
        }
        yield URI.create("http://127.0.0.1:" + localPort + value);
      }
      case AGENT_SERVICE -> throw new IllegalStateException("agent:" + value + " is not an MCP endpoint");
    };
  }

  @Override
  public String toString() {
    return kind == Kind.AGENT_SERVICE ? AGENT_PREFIX + value : value;
  }
}
