package dev.tradingsystem.agents.runtime.mcp;

import dev.tradingsystem.agents.runtime.AgentRuntimeConfig;
import dev.tradingsystem.mcp.McpServerConfig;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An agent's MCP settings, keys {@code agents.<short>.mcp.*}: its own server (the endpoint
 * settings are mcp-runtime's {@link McpServerConfig}, with the path defaulting to
 * {@code /mcp/<short>} so co-located agents never collide) and its use of the coordinator's tools
 * as prompt context.
 *
 * @param enabled             whether the agent serves its tools; off leaves the agent reachable
 *                            only through {@code AgentService}
 * @param server              the endpoint's settings
 * @param coordinatorUrl      the coordinator's MCP endpoint, or empty: co-located runs then use
 *                            the process's own listener ({@link #coordinatorEndpoint}), separate
 *                            deployments fetch no context until it is set
 * @param coordinatorPath     the coordinator's path on a shared listener ({@code coordinator.mcp.path},
 *                            the same key the coordinator reads)
 * @param coordinatorTokenEnv name of the environment variable holding a bearer token for the
 *                            coordinator, or empty to call as an anonymous viewer (enough for its
 *                            read-only tools unless anonymous viewing is off there)
 * @param context             coordinator tools whose answers go into the remote prompt, never into
 *                            the built-in model; empty fetches nothing. Each call adds latency up to
 *                            {@code contextTimeoutMs} and prompt tokens to every remote question
 * @param contextTimeoutMs    deadline of the whole fetch; a tool that has not answered by then is
 *                            left out of that prompt. Short, because it adds to every remote call
 *                            and the coordinator waits for the agent's signal
 * @param contextMaxChars     longest answer of one tool kept in the prompt; longer ones are cut,
 *                            which bounds what context can cost in tokens
 */
public record AgentMcpConfig(boolean enabled, McpServerConfig server, String coordinatorUrl, String coordinatorPath,
    String coordinatorTokenEnv, List<ContextCall> context, long contextTimeoutMs, int contextMaxChars) {

  public static final boolean DEFAULT_ENABLED = true;
  public static final String DEFAULT_COORDINATOR_PATH = McpServerConfig.DEFAULT_PATH;
  public static final long DEFAULT_CONTEXT_TIMEOUT_MS = 500;
  public static final int DEFAULT_CONTEXT_MAX_CHARS = 2_000;

  public AgentMcpConfig {
    context = List.copyOf(context);
  }

  /** Config key of an MCP setting of one agent: {@code agents.fingpt.mcp.context}. */
  public static String key(String agent, String setting) {
    return AgentRuntimeConfig.key(agent, "mcp." + setting);
  }

  /** The endpoint path of an agent when config names none: {@code /mcp/<short>}. */
  public static String defaultPath(String agent) {
    return McpServerConfig.DEFAULT_PATH + "/" + agent;
  }

  /**
   * Reads and validates the keys.
   *
   * @param defaultContext the agent's context calls when {@code agents.<short>.mcp.context} is not set
   * @throws ConfigException naming the key of a bad value
   */
  public static AgentMcpConfig from(ConfigReader config, String agent, List<String> defaultContext) {
    String prefix = AgentRuntimeConfig.key(agent, "mcp");
    McpServerConfig server = McpServerConfig.from(config, prefix);
    if (config.raw(prefix + ".path") == null) {
      server = server.withPath(defaultPath(agent));
    }
    String urlKey = key(agent, "coordinatorUrl");
    String url = config.string(urlKey, "").trim();
    if (!url.isEmpty()) {
      requireHttpUrl(urlKey, url);
    }
    String pathKey = "coordinator.mcp.path";
    String coordinatorPath = config.string(pathKey, DEFAULT_COORDINATOR_PATH).trim();
    if (!coordinatorPath.startsWith("/")) {
      throw new ConfigException(pathKey, "expected an absolute path, got '" + coordinatorPath + "'");
    }
    String contextKey = key(agent, "context");
    List<ContextCall> calls = new ArrayList<>();
    for (String entry : config.strings(contextKey, defaultContext)) {
      try {
        calls.add(ContextCall.parse(entry));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(contextKey, e.getMessage());
      }
    }
    return new AgentMcpConfig(
        config.bool(key(agent, "enabled"), DEFAULT_ENABLED),
        server, url, coordinatorPath,
        config.string(key(agent, "coordinatorTokenEnv"), "").trim(),
        calls,
        config.integer(key(agent, "contextTimeoutMs"), DEFAULT_CONTEXT_TIMEOUT_MS, 1L, 60_000L),
        config.integer(key(agent, "contextMaxChars"), DEFAULT_CONTEXT_MAX_CHARS, 100, 100_000));
  }

  /**
   * The coordinator endpoint context is fetched from: the configured URL; else, co-located (one
   * process, not clustered) with a running listener, the coordinator's path on that listener;
   * else none.
   *
   * @param clustered   whether this process is part of a cluster (the coordinator may be elsewhere)
   * @param processPort the process's HTTP port, or a negative number when it has no listener
   */
  public Optional<URI> coordinatorEndpoint(boolean clustered, int processPort) {
    if (!coordinatorUrl.isEmpty()) {
      return Optional.of(URI.create(coordinatorUrl));
    }
    if (clustered || processPort <= 0) {
      return Optional.empty();
    }
    return Optional.of(URI.create("http://127.0.0.1:" + processPort + coordinatorPath));
  }

  private static void requireHttpUrl(String key, String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(key, "'" + url + "' is not an http(s) URL");
      }
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(key, "'" + url + "' is not a URL: " + e.getMessage());
    }
  }
}
