package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Gauge;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meters of a remote backend: {@code trading_agent_remote_calls_total{agent,backend,outcome}}
 * (outcome {@code ok} or the degraded reason) and {@code trading_agent_circuit_open{agent}}
 * (1 while the circuit is open, 0 while closed or probing with a trial call).
 */
final class RemoteCallMetrics {

  /**
   * One state holder per agent for the life of the process: a gauge registers once, and a
   * redeployed agent must move the same gauge, not a forgotten holder of its predecessor.
   */
  private static final Map<String, AtomicInteger> CIRCUIT_OPEN = new ConcurrentHashMap<>();

  private final String agent;
  private final String backend;
  private final AtomicInteger circuitOpen;

  RemoteCallMetrics(String agent, String backend) {
    this.agent = agent;
    this.backend = backend;
    this.circuitOpen = CIRCUIT_OPEN.computeIfAbsent(agent, name -> {
      AtomicInteger state = new AtomicInteger();
      Gauge.builder("trading_agent_circuit_open", state, AtomicInteger::get)
          .description("1 while the agent's remote backend circuit is open (answers come from the fallback)")
          .tag("agent", name)
          .register(TradingMetrics.meters());
      return state;
    });
    circuitOpen.set(0);
  }

  /** One call's outcome: {@code ok}, or why the fallback answered. */
  void outcome(String outcome) {
    TradingMetrics.counter("trading_agent_remote_calls", "Remote backend calls of an agent, by outcome",
        "agent", agent, "backend", backend, "outcome", outcome).increment();
  }

  void circuitOpen(boolean open) {
    circuitOpen.set(open ? 1 : 0);
  }
}
