package dev.tradingsystem.mcp;

import dev.tradingsystem.mcp.auth.JwtAuthenticator;
import dev.tradingsystem.mcp.auth.McpAuthenticationException;
import dev.tradingsystem.mcp.auth.McpAuthenticator;
import dev.tradingsystem.mcp.transport.ReactorFutures;
import dev.tradingsystem.mcp.transport.TransportObserver;
import dev.tradingsystem.mcp.transport.VertxStatelessServerTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MCP server of one service: its tools and resources behind the SDK's stateless server, served
 * over Streamable HTTP on a Vert.x router. Build it in the verticle's {@code start()}: handlers then
 * run on that verticle's context whatever event loop the HTTP server uses.
 *
 * <pre>{@code
 * return TradingMcpServer.builder(vertx, ServiceNames.MCP_COORDINATOR, "1.0.0")
 *     .config(McpServerConfig.from(ConfigReader.of(config()), "coordinator.mcp"))
 *     .tool(getConsensus)
 *     .resource(McpResource.dynamic("trading://weights", "weights", "Current agent weights", this::weights))
 *     .mount(ProcessEndpoints.of(vertx).router())
 *     .onSuccess(server -> mcp = server);
 * }</pre>
 */
public final class TradingMcpServer {

  /** Transport refusals that concern the message itself, and so are dead-lettered. */
  private static final Set<String> DEAD_LETTERED = Set.of("parse_error", "invalid_request", "body_too_large");
  private static final Logger LOG = LoggerFactory.getLogger(TradingMcpServer.class);

  private final String name;
  private final McpServerConfig config;
  private final Context owner;
  private final McpStatelessAsyncServer server;
  private final VertxStatelessServerTransport transport;
  private final McpMetrics metrics;
  private final List<String> toolNames;

  private TradingMcpServer(String name, McpServerConfig config, Context owner, McpStatelessAsyncServer server,
      VertxStatelessServerTransport transport, McpMetrics metrics, List<String> toolNames) {
    this.name = name;
    this.config = config;
    this.owner = owner;
    this.server = server;
    this.transport = transport;
    this.metrics = metrics;
    this.toolNames = List.copyOf(toolNames);
  }

  /**
   * @param name    the server name announced to clients (the service name)
   * @param version the server version announced to clients
   */
  public static Builder builder(Vertx vertx, String name, String version) {
    return new Builder(vertx, name, version);
  }

  /** Routes the endpoint at {@link McpServerConfig#path()} on {@code router}. */
  public TradingMcpServer mount(Router router) {
    transport.mount(router, config.path());
    LOG.info("MCP server {} on {} with tools {}", name, config.path(), toolNames);
    return this;
  }

  /** The route the endpoint answers on. */
  public String path() {
    return config.path();
  }

  /** {@code {toolCalls: {tool: {outcome: n}}, rejected: {source: {reason: n}}}} for the run report. */
  public JsonObject stats() {
    return metrics.stats();
  }

  /**
   * Stops accepting requests and takes the endpoint off the router, so the same path can be
   * mounted again by a redeployed service; a request already admitted is still answered.
   */
  public Future<Void> close() {
    transport.unmount();
    return ReactorFutures.subscribeOn(server.closeGracefully(), owner).future();
  }

  /** Collects tools, resources, config and authentication, then builds and mounts the server. */
  public static final class Builder {

    private final Vertx vertx;
    private final String name;
    private final String version;
    private final List<McpTool> tools = new ArrayList<>();
    private final List<McpResource> resources = new ArrayList<>();
    private McpServerConfig config = McpServerConfig.defaults();
    private McpAuthenticator authenticator;
    private String instructions;

    private Builder(Vertx vertx, String name, String version) {
      this.vertx = Objects.requireNonNull(vertx, "vertx");
      this.name = Objects.requireNonNull(name, "name");
      this.version = Objects.requireNonNull(version, "version");
    }

    public Builder config(McpServerConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** Replaces the authenticator the config implies (JWT when a key is set, else anonymous viewers). */
    public Builder authenticator(McpAuthenticator value) {
      this.authenticator = Objects.requireNonNull(value, "authenticator");
      return this;
    }

    /** Guidance sent to clients at initialisation: what this server is for, how its tools combine. */
    public Builder instructions(String value) {
      this.instructions = value;
      return this;
    }

    public Builder tool(McpTool tool) {
      tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    public Builder tools(List<McpTool> value) {
      value.forEach(this::tool);
      return this;
    }

    public Builder resource(McpResource resource) {
      resources.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    /**
     * Builds the server on the current context (the calling verticle's).
     *
     * @throws IllegalArgumentException for duplicate tool names or resource URIs, or an invalid schema
     * @throws IllegalStateException    when jackson-annotations is too old for the SDK
     */
    public TradingMcpServer build() {
      JacksonCompatibility.require();
      Context owner = vertx.getOrCreateContext();
      McpJsonMapper mapper = McpJsonDefaults.getMapper();
      JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
      McpMetrics metrics = new McpMetrics(name);
      McpDeadLetters deadLetters = new McpDeadLetters(vertx, name);
      ServerParts parts = new ServerParts(owner, validator, new JsonBridge(mapper), metrics, deadLetters,
          config.toolTimeoutMs());

      TransportObserver observer = (reason, detail, payload) -> {
        metrics.rejected(McpMetrics.TRANSPORT_SOURCE, reason);
        if (DEAD_LETTERED.contains(reason)) {
          deadLetters.publish(reason, detail, payload);
        }
      };
      VertxStatelessServerTransport transport = new VertxStatelessServerTransport(mapper, authenticator(),
          DefaultServerTransportSecurityValidator.builder().allowedOrigins(config.allowedOrigins()).build(),
          config.maxBodyBytes(), observer);

      McpServer.StatelessAsyncSpecification spec = McpServer.async(transport)
          .serverInfo(name, version)
          .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).build())
          .jsonMapper(mapper)
          .jsonSchemaValidator(validator)
          // The tool adapters validate, so that refusals are counted and dead-lettered here.
          .validateToolInputs(false);
      if (instructions != null) {
        spec.instructions(instructions);
      }
      Set<String> names = new HashSet<>();
      List<McpStatelessServerFeatures.AsyncToolSpecification> toolSpecs = new ArrayList<>();
      for (McpTool tool : tools) {
        if (!names.add(tool.name())) {
          throw new IllegalArgumentException("tool '" + tool.name() + "' declared twice");
        }
        toolSpecs.add(new ToolInvoker(tool, parts).specification());
      }
      Set<String> uris = new HashSet<>();
      List<McpStatelessServerFeatures.AsyncResourceSpecification> resourceSpecs = new ArrayList<>();
      for (McpResource resource : resources) {
        if (!uris.add(resource.uri())) {
          throw new IllegalArgumentException("resource '" + resource.uri() + "' declared twice");
        }
        resourceSpecs.add(new ResourceReader(resource, parts).specification());
      }
      spec.tools(toolSpecs).resources(resourceSpecs);
      return new TradingMcpServer(name, config, owner, spec.build(), transport, metrics,
          tools.stream().map(McpTool::name).toList());
    }

    /**
     * {@link #build()} then {@link TradingMcpServer#mount}, for a verticle's {@code start()}: the
     * SDK's JSON stack is loaded on a worker first (seconds on a cold JVM, too long for an event
     * loop), and a declaration error fails the future instead of throwing.
     */
    public Future<TradingMcpServer> mount(Router router) {
      return vertx.executeBlocking(() -> {
        JacksonCompatibility.require();
        McpJsonDefaults.getMapper();
        McpJsonDefaults.getSchemaValidator().validateSchema(Map.of("type", "object"));
        return null;
      }).compose(loaded -> {
        try {
          return Future.succeededFuture(build().mount(router));
        } catch (RuntimeException e) {
          return Future.failedFuture(e);
        }
      });
    }

    private McpAuthenticator authenticator() {
      if (authenticator != null) {
        return authenticator;
      }
      if (config.tokensEnabled()) {
        return JwtAuthenticator.create(vertx, config.jwtSecret(), config.jwtIssuer(), config.anonymousViewer());
      }
      if (config.anonymousViewer()) {
        return McpAuthenticator.anonymousViewers();
      }
      LOG.warn("MCP server {} has neither a token key nor anonymous viewing: every request is refused", name);
      return request -> Future.failedFuture(new McpAuthenticationException(null,
          "this MCP endpoint accepts no one: configure auth.jwtSecret or auth.anonymousViewer"));
    }
  }
}
