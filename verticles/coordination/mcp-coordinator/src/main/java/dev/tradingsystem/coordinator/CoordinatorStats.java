package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.AgentAnswer;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's counters: the run-report JSON {@code {decisions, signalsByAgent{},
 * degradedByAgent{}, missingByAgent{}}} (agents by short name) and the Prometheus meters
 * {@code trading_coordinator_decisions_total{direction}} and
 * {@code trading_coordinator_agent_missing_total{agent}}. Updated from the verticle's context.
 */
final class CoordinatorStats {

  private final Map<String, Long> signalsByAgent = new LinkedHashMap<>();
  private final Map<String, Long> degradedByAgent = new LinkedHashMap<>();
  private final Map<String, Long> missingByAgent = new LinkedHashMap<>();
  private final Map<Direction, Long> byDirection = new LinkedHashMap<>();
  private final Map<String, Counter> counters = new HashMap<>();
  private long decisions;
  private long unusableFeatures;

  CoordinatorStats(List<String> agents) {
    for (String agent : agents) {
      String shortName = ServiceNames.agentShortName(agent);
      signalsByAgent.put(shortName, 0L);
      degradedByAgent.put(shortName, 0L);
      missingByAgent.put(shortName, 0L);
    }
  }

  void answers(List<AgentAnswer> answers, Iterable<String> missing) {
    for (AgentAnswer answer : answers) {
      if (answer.signal().getDirection() != Direction.FLAT) {
        signalsByAgent.merge(answer.shortName(), 1L, Long::sum);
      }
      if (answer.signal().getDegraded()) {
        degradedByAgent.merge(answer.shortName(), 1L, Long::sum);
      }
    }
    for (String agent : missing) {
      String shortName = ServiceNames.agentShortName(agent);
      missingByAgent.merge(shortName, 1L, Long::sum);
      counter("trading_coordinator_agent_missing", "Agents that failed or missed the deadline", "agent", shortName).increment();
    }
  }

  void unusableFeatures() {
    unusableFeatures++;
  }

  void published(Consensus consensus) {
    decisions++;
    byDirection.merge(consensus.getDirection(), 1L, Long::sum);
    counter("trading_coordinator_decisions", "Consensus messages published, by direction",
        "direction", consensus.getDirection().name()).increment();
  }

  JsonObject toJson() {
    JsonObject directions = new JsonObject();
    byDirection.forEach((d, n) -> directions.put(d.name(), n));
    return new JsonObject()
        .put("decisions", decisions)
        .put("signalsByAgent", new JsonObject(new LinkedHashMap<>(signalsByAgent)))
        .put("degradedByAgent", new JsonObject(new LinkedHashMap<>(degradedByAgent)))
        .put("missingByAgent", new JsonObject(new LinkedHashMap<>(missingByAgent)))
        .put("byDirection", directions)
        .put("unusableFeatures", unusableFeatures);
  }

  private Counter counter(String name, String description, String... tags) {
    return counters.computeIfAbsent(name + String.join("|", tags), k -> TradingMetrics.counter(name, description, tags));
  }
}
