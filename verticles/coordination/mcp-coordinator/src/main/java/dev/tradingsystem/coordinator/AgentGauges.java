package dev.tradingsystem.coordinator;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Gauge;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-agent gauges: {@code trading_coordinator_agent_weight{agent}} (the weight fusion uses now)
 * and {@code trading_coordinator_agent_shadow{agent}} (1 while on trial, 0 on the panel).
 *
 * <p>The values live in this process-wide table rather than in a coordinator instance: the
 * registry is per process and keeps the first object a gauge was registered with, so a
 * redeployed coordinator must update the same holder.
 */
final class AgentGauges {

  private static final Map<String, AtomicLong> VALUES = new ConcurrentHashMap<>();

  private AgentGauges() {
  }

  static void weight(String agent, double weight) {
    holder("trading_coordinator_agent_weight", "Weight of each agent in the consensus (base x learned factor)", agent)
        .set(Double.doubleToLongBits(weight));
  }

  static void shadow(String agent, boolean shadow) {
    holder("trading_coordinator_agent_shadow", "1 while the agent runs in the shadow, 0 on the panel", agent)
        .set(Double.doubleToLongBits(shadow ? 1 : 0));
  }

  private static AtomicLong holder(String name, String description, String agent) {
    return VALUES.computeIfAbsent(name + "|" + agent, key -> {
      AtomicLong value = new AtomicLong(Double.doubleToLongBits(Double.NaN));
      Gauge.builder(name, value, v -> Double.longBitsToDouble(v.get()))
          .description(description).tag("agent", agent).strongReference(true)
          .register(TradingMetrics.registry());
      return value;
    });
  }
}
