package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.agents.runtime.mcp.AgentMcp;
import dev.tradingsystem.agents.runtime.vertex.PredictionCodec;
import dev.tradingsystem.agents.runtime.vertex.VertexDefaults;
import dev.tradingsystem.agents.runtime.vertex.VertexModels;
import dev.tradingsystem.agents.runtime.vertex.VllmTextCodec;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentServiceGrpcService;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.cache.Cache;
import dev.tradingsystem.shared.cache.Caches;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The service around one agent model: reads {@code agents.<short>.*}, picks the backend, binds
 * the {@code AgentService} under the service name, serves stats ({@code services.stats.<name>})
 * and readiness, and answers the roll call last, as a non-participant of the tick barrier.
 *
 * <p>An agent module extends this with its built-in model and, where it needs more inputs than
 * the analyze request (news for the sentiment agent), registers them in {@link #startInputs}.
 *
 * <p>Every agent is also an MCP server on the process router ({@code /mcp/<short>}): the
 * runtime's {@code analyze(symbol)} tool plus the agent's own ({@link #mcpTools}); and, with a
 * remote backend, an MCP client of the coordinator for prompt context ({@link #defaultContext}).
 */
public abstract class AgentVerticle extends VerticleBase {

  private final String serviceName;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private AgentEndpoint endpoint;
  private AgentBackend backend;
  private AgentMcp mcp;
  private Cache answerCache;
  private volatile boolean ready;

  protected AgentVerticle(String serviceName) {
    this.serviceName = serviceName;
  }

  /** The short agent name of a service, used in config keys, addresses and metrics. */
  public static String shortName(String serviceName) {
    return ServiceNames.agentShortName(serviceName);
  }

  public String serviceName() {
    return serviceName;
  }

  /** The built-in model, configured from the agent's own keys; called once per start. */
  protected abstract AgentModel createBuiltinModel(ConfigReader config);

  /**
   * How this agent asks a language model; the default renders every feature of the event under a
   * generic trader role. Agents with a point of view override it with their own versioned prompt.
   */
  protected PromptTemplate promptTemplate(ConfigReader config) {
    return FeaturePromptTemplate.forAgent(shortName(serviceName));
  }

  /**
   * Remote models this build offers by {@code agents.<short>.backend} value; each is wrapped in
   * a {@link GuardedRemoteBackend} (cache, budget, deadline, breaker, fallback to the built-in
   * model). An agent adds its own protocol or overrides one by extending the map.
   */
  protected Map<String, Function<ConfigReader, RemoteModel>> remoteModels() {
    String agent = shortName(serviceName);
    Map<String, Function<ConfigReader, RemoteModel>> models = new LinkedHashMap<>();
    models.put(OpenAiChatModel.NAME, config -> new OpenAiChatModel(vertx, agent,
        OpenAiConfig.from(config, agent, environment()), promptTemplate(config),
        RemoteCallPolicy.from(config, agent, OpenAiChatModel.NAME).timeoutMs(),
        BudgetConfig.from(config, agent).maxAnswerTokens()));
    models.put(VertexModels.NAME, config -> VertexModels.create(vertx, agent, config, vertexDefaults(),
        promptTemplate(config), this::predictionCodec));
    return models;
  }

  /**
   * The Vertex AI API and model this agent asks when {@code agents.<short>.vertex.api} and
   * {@code .model} are not set; the default is a small managed Gemini model. Model ids are
   * config: an agent's default only spares the operator a key.
   */
  protected VertexDefaults vertexDefaults() {
    return VertexDefaults.RUNTIME;
  }

  /**
   * How this agent's questions travel to a model deployed on a Vertex AI endpoint
   * ({@code vertex.api=predict}); the default sends the prompt in Model Garden's vLLM text format.
   */
  protected PredictionCodec predictionCodec(ConfigReader config) {
    int maxAnswerTokens = BudgetConfig.from(config, shortName(serviceName)).maxAnswerTokens();
    return new VllmTextCodec(promptTemplate(config), maxAnswerTokens);
  }

  /** Backends this build offers: the built-in model, and every remote model guarded. */
  private Map<String, Function<ConfigReader, AgentBackend>> backends() {
    Map<String, Function<ConfigReader, AgentBackend>> backends = new LinkedHashMap<>();
    backends.put(BuiltinBackend.NAME, config -> new BuiltinBackend(createBuiltinModel(config)));
    remoteModels().forEach((name, factory) -> backends.put(name, config -> guarded(config, factory.apply(config))));
    return backends;
  }

  private AgentBackend guarded(ConfigReader config, RemoteModel model) {
    String agent = shortName(serviceName);
    ResponseCacheConfig cacheConfig = ResponseCacheConfig.from(config, agent);
    ResponseCache responses = null;
    if (cacheConfig.enabled()) {
      answerCache = Caches.create(vertx, config);
      responses = new ResponseCache(answerCache, agent, cacheConfig.ttl());
    }
    return new GuardedRemoteBackend(vertx, agent, model, RemoteCallPolicy.from(config, agent, model.backend()),
        new TokenBudget(BudgetConfig.from(config, agent)), responses, mcp.context(),
        new BuiltinBackend(createBuiltinModel(config)), System::currentTimeMillis);
  }

  /**
   * Resolves environment variables named by config (API keys, which never sit in config files);
   * the process environment unless a test overrides it.
   */
  protected UnaryOperator<String> environment() {
    return System::getenv;
  }

  /** Extra inputs of the agent (event-bus consumers); the default has none. */
  protected Future<?> startInputs(ConfigReader config) {
    return Future.succeededFuture();
  }

  /**
   * Tools this agent serves over MCP beside the runtime's {@code analyze}; the default has none.
   * Called in {@code start()} after the built-in model was created, on the agent's context, where
   * the handlers run too: they may read the model's state, and must not change it.
   */
  protected List<McpTool> mcpTools(ConfigReader config) {
    return List.of();
  }

  /**
   * Coordinator tool calls whose answers a remote model sees as prompt context when
   * {@code agents.<short>.mcp.context} is not set (see {@code ContextCall} for the syntax); the
   * default is none.
   */
  protected List<String> defaultContext() {
    return List.of();
  }

  /** Keeps a consumer registered in {@link #startInputs} so {@link #stop()} unregisters it. */
  protected <T> MessageConsumer<T> own(MessageConsumer<T> consumer) {
    consumers.add(consumer);
    return consumer;
  }

  @Override
  public Future<?> start() {
    String agent = shortName(serviceName);
    ConfigReader config = ConfigReader.of(config());
    AgentRuntimeConfig runtime;
    ProcessEndpoints process = ProcessEndpoints.of(vertx);
    List<McpTool> tools;
    try {
      Map<String, Function<ConfigReader, AgentBackend>> available = backends();
      runtime = AgentRuntimeConfig.from(config, agent, available.keySet());
      // Before the backend: a remote one is handed the coordinator context source.
      mcp = AgentMcp.from(vertx, serviceName, agent, config, defaultContext(), environment(),
          !BuiltinBackend.NAME.equals(runtime.backend()), process.port());
      backend = available.get(runtime.backend()).apply(config);
      tools = mcpTools(config);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    ProtobufCodecs.registerAll(vertx);
    AgentMetrics metrics = new AgentMetrics(agent, backend.name(), backend::stats);
    endpoint = new AgentEndpoint(vertx, context, serviceName, backend,
        new RequestValidator(new HashSet<>(runtime.symbols())), metrics, mcp.latestSignals()::record);
    process.readiness(serviceName, () -> ready);
    Future<?> inputs;
    try {
      inputs = startInputs(config);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    return Future.all(
            ServiceRegistry.of(vertx).bind(AgentService.class, serviceName, endpoint, AgentServiceGrpcService.of(endpoint)),
            ServiceStats.serve(vertx, serviceName, () -> stats(metrics)).map(this::own),
            inputs,
            mcp.start(process.router(), tools))
        .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(serviceName)
            .setInstanceId(serviceName + "@" + deploymentID())
            .setTickParticipant(false)
            .build()))
        .map(rollCall -> {
          own(rollCall);
          ready = true;
          return null;
        });
  }

  /** The run-report section: requests, signals, degraded, and {@code mcp} when the agent serves or fetches any. */
  private JsonObject stats(AgentMetrics metrics) {
    JsonObject stats = metrics.stats();
    JsonObject mcpStats = mcp.stats();
    if (!mcpStats.isEmpty()) {
      stats.put("mcp", mcpStats);
    }
    return stats;
  }

  @Override
  public Future<?> stop() {
    ready = false;
    ServiceRegistry.of(vertx).unbind(AgentService.class, serviceName);
    ProcessEndpoints.of(vertx).unregister(serviceName);
    List<Future<?>> closing = new ArrayList<>();
    consumers.forEach(consumer -> closing.add(consumer.unregister()));
    consumers.clear();
    if (endpoint != null) {
      closing.add(endpoint.closeStreams());
    }
    if (backend != null) {
      closing.add(backend.close());
    }
    if (mcp != null) {
      closing.add(mcp.close());
    }
    if (answerCache != null) {
      closing.add(answerCache.close());
    }
    return Future.join(closing);
  }
}
