package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of one agent's remote backend:
 * <ul>
 *   <li>{@code trading_agent_remote_calls_total{agent,backend,outcome}}: outcome {@code ok} or the
 *       degraded reason; {@code trading_agent_remote_call_seconds{agent,backend}}: latency of calls
 *       that reached the provider;</li>
 *   <li>{@code trading_agent_circuit_state{agent}}: 0 closed, 1 half-open (one trial call),
 *       2 open (answers come from the fallback);</li>
 *   <li>{@code trading_agent_tokens_total{agent,backend,kind}} (kind {@code prompt|completion}) and
 *       {@code trading_agent_cost_usd_total{agent,backend}}, the estimate from the configured prices;</li>
 *   <li>{@code trading_agent_response_cache_total{agent,result}} (result {@code hit|miss}).</li>
 * </ul>
 */
final class RemoteCallMetrics {

  static final int CLOSED = 0;
  static final int HALF_OPEN = 1;
  static final int OPEN = 2;

  /**
   * One state holder per agent for the life of the process: a gauge registers once, and a
   * redeployed agent must move the same gauge, not a forgotten holder of its predecessor.
   */
  private static final Map<String, AtomicInteger> CIRCUIT_STATE = new ConcurrentHashMap<>();

  private final String agent;
  private final String backend;
  private final AtomicInteger circuitState;
  private final Timer latency;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong cacheHits = new AtomicLong();
  private final AtomicLong promptTokens = new AtomicLong();
  private final AtomicLong completionTokens = new AtomicLong();
  private final AtomicLong microUsd = new AtomicLong();

  RemoteCallMetrics(String agent, String backend) {
    this.agent = agent;
    this.backend = backend;
    this.circuitState = CIRCUIT_STATE.computeIfAbsent(agent, name -> {
      AtomicInteger state = new AtomicInteger();
      Gauge.builder("trading_agent_circuit_state", state, AtomicInteger::get)
          .description("Circuit breaker of the agent's remote backend: 0 closed, 1 half-open, 2 open")
          .tag("agent", name)
          .register(TradingMetrics.meters());
      return state;
    });
    circuitState.set(CLOSED);
    this.latency = TradingMetrics.latency("trading_agent_remote_call",
        "Latency of remote model calls that reached the provider", "agent", agent, "backend", backend);
  }

  /** One call's outcome: {@code ok}, or why the fallback answered. */
  void outcome(String outcome) {
    TradingMetrics.counter("trading_agent_remote_calls", "Remote backend calls of an agent, by outcome",
        "agent", agent, "backend", backend, "outcome", outcome).increment();
  }

  void called(long nanos) {
    calls.incrementAndGet();
    latency.record(nanos, TimeUnit.NANOSECONDS);
  }

  void circuit(int state) {
    circuitState.set(state);
  }

  void cache(boolean hit) {
    if (hit) {
      cacheHits.incrementAndGet();
    }
    TradingMetrics.counter("trading_agent_response_cache", "Response-cache lookups of remote answers",
        "agent", agent, "result", hit ? "hit" : "miss").increment();
  }

  void spent(TokenUsage usage, long costMicroUsd) {
    promptTokens.addAndGet(usage.promptTokens());
    completionTokens.addAndGet(usage.completionTokens());
    microUsd.addAndGet(costMicroUsd);
    TradingMetrics.counter("trading_agent_tokens", "Tokens consumed by remote model calls",
        "agent", agent, "backend", backend, "kind", "prompt").increment(usage.promptTokens());
    TradingMetrics.counter("trading_agent_tokens", "Tokens consumed by remote model calls",
        "agent", agent, "backend", backend, "kind", "completion").increment(usage.completionTokens());
    TradingMetrics.counter("trading_agent_cost_usd", "Estimated spend on remote model calls, US dollars",
        "agent", agent, "backend", backend).increment(costMicroUsd / 1e6);
  }

  /** The run-report section of the remote backend. */
  JsonObject stats() {
    return new JsonObject()
        .put("backend", backend)
        .put("calls", calls.get())
        .put("cacheHits", cacheHits.get())
        .put("promptTokens", promptTokens.get())
        .put("completionTokens", completionTokens.get())
        .put("costUsd", microUsd.get() / 1e6)
        .put("circuit", switch (circuitState.get()) {
          case OPEN -> "open";
          case HALF_OPEN -> "half-open";
          default -> "closed";
        });
  }
}
