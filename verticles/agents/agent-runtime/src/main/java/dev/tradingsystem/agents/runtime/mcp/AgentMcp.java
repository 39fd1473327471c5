package dev.tradingsystem.agents.runtime.mcp;

import dev.tradingsystem.agents.runtime.ContextSource;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's two MCP roles, wired from {@code agents.<short>.mcp.*} ({@link AgentMcpConfig}):
 * <ul>
 *   <li>server: its tools at {@code /mcp/<short>}, the runtime's {@code analyze} (from the
 *       {@link LatestSignals} the agent's endpoint keeps) plus the agent's own;</li>
 *   <li>client: prompt context from the coordinator's tools ({@link CoordinatorContext}), made only
 *       for a remote backend; the built-in path never waits on another service.</li>
 * </ul>
 */
public final class AgentMcp {

  private static final Logger LOG = LoggerFactory.getLogger(AgentMcp.class);

  private final Vertx vertx;
  private final String serviceName;
  private final String agent;
  private final AgentMcpConfig config;
  private final LatestSignals latest = new LatestSignals(LatestSignals.DEFAULT_CAPACITY);
  private final CoordinatorContext context;
  private volatile AgentMcpServer server;

  private AgentMcp(Vertx vertx, String serviceName, String agent, AgentMcpConfig config, CoordinatorContext context) {
    this.vertx = vertx;
    this.serviceName = serviceName;
    this.agent = agent;
    this.config = config;
    this.context = context;
  }

  /**
   * Reads the agent's MCP config; call on the agent's context in {@code start()}.
   *
   * @param defaultContext the agent's context calls when config names none
   * @param environment    resolves {@code coordinatorTokenEnv}
   * @param remoteBackend  whether a remote model answers; only then is context fetched
   * @throws dev.tradingsystem.shared.config.ConfigException naming a bad key
   */
  public static AgentMcp from(Vertx vertx, String serviceName, String agent, ConfigReader config,
      List<String> defaultContext, UnaryOperator<String> environment, boolean remoteBackend, int processPort) {
    AgentMcpConfig mcp = AgentMcpConfig.from(config, agent, defaultContext);
    CoordinatorContext context = null;
    if (remoteBackend && !mcp.context().isEmpty()) {
      Optional<URI> endpoint = mcp.coordinatorEndpoint(vertx.isClustered(), processPort);
      if (endpoint.isPresent()) {
        String token = mcp.coordinatorTokenEnv().isEmpty() ? null : blankToNull(environment.apply(mcp.coordinatorTokenEnv()));
        context = new CoordinatorContext(vertx, agent, serviceName, endpoint.get(), token, mcp.context(),
            mcp.contextTimeoutMs(), mcp.contextMaxChars());
      } else {
        LOG.info("{}: prompt context {} is off: no coordinator endpoint (set {})", agent, mcp.context(),
            AgentMcpConfig.key(agent, "coordinatorUrl"));
      }
    }
    return new AgentMcp(vertx, serviceName, agent, mcp, context);
  }

  public AgentMcpConfig config() {
    return config;
  }

  /** The latest signal per symbol; the agent's endpoint records every answer here. */
  public LatestSignals latestSignals() {
    return latest;
  }

  /** Where the remote prompt's context comes from, or null when none is fetched. */
  public ContextSource context() {
    return context;
  }

  /**
   * Starts connecting to the coordinator and mounts the server when enabled.
   *
   * @param agentTools the agent's own tools, beside {@code analyze}
   */
  public Future<Void> start(Router router, List<McpTool> agentTools) {
    if (context != null) {
      context.warmUp();
    }
    if (!config.enabled()) {
      return Future.succeededFuture();
    }
    List<McpTool> tools = new ArrayList<>();
    tools.add(AnalyzeTool.create(agent, latest));
    tools.addAll(agentTools);
    String names = String.join(", ", tools.stream().map(McpTool::name).toList());
    return AgentMcpServer.mount(vertx, router, serviceName, config.server(),
            serviceName + ": the " + agent + " agent of the trading system. Tools: " + names + ". analyze reports "
                + "the agent's latest signal for a symbol; the other tools read its built-in model without "
                + "affecting trading. Market data, consensus, positions and risk are on the coordinator's endpoint "
                + "(/mcp), which also routes forecast and sentiment to the agents that make them.",
            tools)
        .onSuccess(mounted -> server = mounted)
        .mapEmpty();
  }

  /** The run-report section: the server's tool calls and the context fetch outcomes, where there are any. */
  public JsonObject stats() {
    JsonObject stats = new JsonObject();
    if (server != null) {
      stats.put("path", server.path()).mergeIn(server.stats());
    }
    if (context != null) {
      stats.put("context", context.stats());
    }
    return stats;
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    if (server != null) {
      closing.add(server.close());
      server = null;
    }
    if (context != null) {
      closing.add(context.close());
    }
    return Future.join(closing).mapEmpty();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
