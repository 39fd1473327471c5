package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One agent's counters: Prometheus meters ({@code trading_agent_signals_total{agent,direction}},
 * {@code trading_agent_analyze_seconds{agent,backend}}, {@code trading_agent_degraded_total{agent,reason}},
 * {@code trading_agents_rejected_total{source,reason}}) and the run-report numbers
 * {@code {requests, signals, degraded, rejected}}. Written on the agent's context, read from any
 * thread (stats are served on the caller's context), hence the atomics.
 */
final class AgentMetrics {

  private final String agent;
  private final Timer analyzeLatency;
  private final Map<Direction, Counter> byDirection = new EnumMap<>(Direction.class);
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong degraded = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final Supplier<JsonObject> backendStats;

  AgentMetrics(String agent, String backend, Supplier<JsonObject> backendStats) {
    this.agent = agent;
    this.backendStats = backendStats;
    this.analyzeLatency = TradingMetrics.latency("trading_agent_analyze",
        "Time for an agent to answer one analyze request", "agent", agent, "backend", backend);
    for (Direction direction : new Direction[] {Direction.LONG, Direction.SHORT, Direction.FLAT}) {
      byDirection.put(direction, TradingMetrics.counter("trading_agent_signals",
          "Signals answered by an agent, by direction", "agent", agent,
          "direction", direction.name().toLowerCase(Locale.ROOT)));
    }
  }

  void request() {
    requests.incrementAndGet();
  }

  void answered(Direction direction, long nanos) {
    analyzeLatency.record(nanos, TimeUnit.NANOSECONDS);
    Counter counter = byDirection.get(direction);
    if (counter != null) {
      counter.increment();
    }
  }

  void published() {
    published.incrementAndGet();
  }

  void degraded(String reason) {
    degraded.incrementAndGet();
    TradingMetrics.counter("trading_agent_degraded", "Answers given in fallback, by reason",
        "agent", agent, "reason", reason).increment();
  }

  void rejected(String reason) {
    rejected.incrementAndGet();
    TradingMetrics.rejected("agents", agent, reason).increment();
  }

  /**
   * The run-report section: {@code signals} counts published (non-FLAT) signals; {@code remote}
   * (calls, tokens, cost, cache hits, circuit) is there when a remote backend is configured.
   */
  JsonObject stats() {
    JsonObject stats = new JsonObject()
        .put("requests", requests.get())
        .put("signals", published.get())
        .put("degraded", degraded.get())
        .put("rejected", rejected.get());
    JsonObject remote = backendStats.get();
    if (!remote.isEmpty()) {
      stats.put("remote", remote);
    }
    return stats;
  }
}
