package dev.tradingsystem.agents.runtime.mcp;

import dev.tradingsystem.agents.runtime.ContextSource;
import dev.tradingsystem.agents.runtime.PromptContext;
import dev.tradingsystem.mcp.McpToolClient;
import dev.tradingsystem.mcp.McpToolException;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompt context from the coordinator's MCP tools: for each event, the configured
 * {@link ContextCall}s in parallel over one {@link McpToolClient}, under one deadline. Whatever
 * answered in time goes into the prompt in configured order; a tool that failed or is late is left
 * out. Every call is counted once in {@code trading_agent_context_fetch_total{agent,tool,outcome}},
 * outcome {@code ok}, {@code timeout}, {@code tool_error} (the tool answered an error),
 * {@code unreachable} (no connection to the coordinator) or {@code failed} (anything else, such as
 * an unknown tool, a protocol error); the whole fetch is timed in {@code trading_agent_context_fetch_seconds{agent}}.
 *
 * <p>The client connects lazily and again after a failure, at most every {@value #RECONNECT_MS} ms:
 * co-located, the coordinator may mount its endpoint after the agents start. Everything runs on
 * the agent's context (the client answers on the context that connected), so no state is shared
 * across threads.
 */
public final class CoordinatorContext implements ContextSource {

  /** Pause between connection attempts after one failed. */
  static final long RECONNECT_MS = 5_000;
  /**
   * Deadline the SDK client applies to initialisation and requests: longer than the fetch deadline,
   * so a cold first connection can complete in the background and serve the next events.
   */
  static final long CLIENT_TIMEOUT_MS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorContext.class);

  private final Vertx vertx;
  private final String agent;
  private final String clientName;
  private final URI endpoint;
  private final String token;
  private final List<ContextCall> calls;
  private final long timeoutMs;
  private final int maxChars;
  private final Timer latency;
  /** Written on the agent's context, read by the stats request from any thread. */
  private final Map<String, Long> outcomes = new ConcurrentSkipListMap<>();
  private final Set<String> warned = new HashSet<>();
  /** Written on the agent's context; volatile for the stats request. */
  private volatile Future<McpToolClient> client;
  private long retryAtNanos;

  /**
   * @param clientName announced to the coordinator (the agent's service name)
   * @param token      bearer token, or null to call as an anonymous viewer
   */
  public CoordinatorContext(Vertx vertx, String agent, String clientName, URI endpoint, String token,
      List<ContextCall> calls, long timeoutMs, int maxChars) {
    this.vertx = vertx;
    this.agent = agent;
    this.clientName = clientName;
    this.endpoint = endpoint;
    this.token = token;
    this.calls = List.copyOf(calls);
    this.timeoutMs = timeoutMs;
    this.maxChars = maxChars;
    this.latency = TradingMetrics.latency("trading_agent_context_fetch",
        "Time to fetch an agent's prompt context from the coordinator", "agent", agent);
  }

  /** Starts connecting now, so the first remote question does not pay for it; never fails. */
  public CoordinatorContext warmUp() {
    client();
    return this;
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public Future<PromptContext> fetch(AnalyzeRequest request) {
    String symbol = request.getFeatures().getInstrument().getSymbol();
    long started = System.nanoTime();
    Future<McpToolClient> connected = client();
    List<Slot> slots = new ArrayList<>(calls.size());
    for (ContextCall call : calls) {
      JsonObject arguments = new JsonObject(call.argumentsFor(symbol));
      Slot slot = new Slot(call.tool(), arguments.encode());
      slots.add(slot);
      connected
          .transform(ar -> ar.succeeded()
              ? ar.result().callText(call.tool(), arguments)
              : Future.<String>failedFuture(new Unreachable(ar.cause())))
          .onComplete(ar -> {
            if (ar.succeeded()) {
              // Before settling: the last settled call collects the context at once. Late, it changes nothing.
              slot.answer = shorten(ar.result());
              slot.settle("ok");
            } else if (slot.settle(outcome(ar.cause()))) {
              warnOnce(slot.tool, outcome(ar.cause()), ar.cause());
            }
          });
    }
    Promise<PromptContext> done = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, id -> slots.forEach(slot -> slot.settle("timeout")));
    // Settled by the answers or by the deadline, never both: the context is collected once.
    Future.join(slots.stream().map(slot -> slot.settled.future()).toList()).onComplete(all -> {
      vertx.cancelTimer(timer);
      done.complete(collect(slots, started));
    });
    return done.future();
  }

  /** For the run report: {@code {endpoint, connected, ok: n, timeout: n, ...}}, outcome counts since start. */
  public JsonObject stats() {
    Future<McpToolClient> current = client;
    JsonObject stats = new JsonObject().put("endpoint", endpoint.toString())
        .put("connected", current != null && current.succeeded());
    outcomes.forEach(stats::put);
    return stats;
  }

  @Override
  public Future<Void> close() {
    if (client == null) {
      return Future.succeededFuture();
    }
    return client.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
  }

  private Future<McpToolClient> client() {
    if (client != null && (!client.failed() || System.nanoTime() < retryAtNanos)) {
      return client;
    }
    client = McpToolClient.connect(vertx, endpoint, token, clientName, Duration.ofMillis(CLIENT_TIMEOUT_MS))
        .onSuccess(connected -> LOG.info("{}: prompt context from {} ({})", agent, endpoint, calls))
        .onFailure(failure -> {
          retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECONNECT_MS);
          LOG.debug("{}: cannot reach the coordinator at {} for prompt context: {}", agent, endpoint, failure.toString());
        });
    return client;
  }

  private PromptContext collect(List<Slot> slots, long started) {
    latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    List<PromptContext.Entry> entries = new ArrayList<>();
    for (Slot slot : slots) {
      if (slot.answer != null) {
        entries.add(new PromptContext.Entry(slot.tool, slot.arguments, slot.answer));
      }
    }
    return new PromptContext(entries);
  }

  private String shorten(String answer) {
    return answer.length() <= maxChars ? answer : answer.substring(0, maxChars) + " [cut]";
  }

  private static String outcome(Throwable failure) {
    if (failure instanceof McpToolException) {
      return "tool_error";
    }
    // Not connected yet, or connected once and the coordinator has gone away since.
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Unreachable || cause instanceof ConnectException) {
        return "unreachable";
      }
    }
    return "failed";
  }

  /** A misnamed tool or a refused argument would otherwise fail silently on every event. */
  private void warnOnce(String tool, String outcome, Throwable failure) {
    if (!"unreachable".equals(outcome) && warned.add(tool + "/" + outcome)) {
      LOG.warn("{}: context tool {} at {} answered {}: {} (further ones are only counted)", agent, tool, endpoint,
          outcome, failure.getMessage());
    }
  }

  /** One tool call of one fetch: counted once, by the answer or by the deadline, whichever comes first. */
  private final class Slot {
    private final String tool;
    private final String arguments;
    private final Promise<Void> settled = Promise.promise();
    private String answer;

    private Slot(String tool, String arguments) {
      this.tool = tool;
      this.arguments = arguments;
    }

    /** Counts the outcome unless the call was counted already; a late answer is not in the context. */
    private boolean settle(String outcome) {
      if (!settled.tryComplete()) {
        return false;
      }
      outcomes.merge(outcome, 1L, Long::sum);
      TradingMetrics.counter("trading_agent_context_fetch", "Prompt-context tool calls of an agent, by outcome",
          "agent", agent, "tool", tool, "outcome", outcome).increment();
      return true;
    }
  }

  /** The client could not connect. */
  private static final class Unreachable extends RuntimeException {
    private Unreachable(Throwable cause) {
      super(cause == null ? "not connected" : cause.getMessage(), cause, false, false);
    }
  }
}
