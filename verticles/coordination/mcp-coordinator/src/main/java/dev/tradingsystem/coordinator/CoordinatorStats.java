package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.AgentAnswer;
import dev.tradingsystem.coordinator.consensus.MissingAgent;
import dev.tradingsystem.coordinator.consensus.learning.OutcomeLedger;
import dev.tradingsystem.coordinator.consensus.learning.ScoredCall;
import dev.tradingsystem.coordinator.state.AgentView;
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
 * degradedByAgent{}, missingByAgent{}, missingByReason{}, weights{}, shadow{}, learning{}}}
 * (agents by short name; panel and shadow counted apart) and the Prometheus meters
 * {@code trading_coordinator_decisions_total{direction}},
 * {@code trading_coordinator_missing_total{agent,reason}},
 * {@code trading_coordinator_shadow_signals_total{agent}},
 * {@code trading_coordinator_shadow_missing_total{agent,reason}},
 * {@code trading_coordinator_scored_calls_total{agent,outcome}} and
 * {@code trading_coordinator_weights_file_errors_total{op}}. Updated from the verticle's context.
 */
final class CoordinatorStats {

  private final Map<String, Long> signalsByAgent = new LinkedHashMap<>();
  private final Map<String, Long> degradedByAgent = new LinkedHashMap<>();
  private final Map<String, Long> missingByAgent = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> missingByReason = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> shadowCounts = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> scoredByAgent = new LinkedHashMap<>();
  private final Map<Direction, Long> byDirection = new LinkedHashMap<>();
  private final Map<String, Counter> counters = new HashMap<>();
  private List<AgentView> agents = List.of();
  private OutcomeLedger.Counts ledger;
  private String weightsFileProblem;
  private long decisions;
  private long unusableFeatures;

  CoordinatorStats(List<String> panel, List<String> shadows) {
    for (String agent : panel) {
      String shortName = ServiceNames.agentShortName(agent);
      signalsByAgent.put(shortName, 0L);
      degradedByAgent.put(shortName, 0L);
      missingByAgent.put(shortName, 0L);
    }
    for (String agent : shadows) {
      shadowCounts.put(ServiceNames.agentShortName(agent), new LinkedHashMap<>(Map.of("signals", 0L, "degraded", 0L,
          "missing", 0L)));
    }
  }

  /** The panel's fresh answers and missing agents of one decision. */
  void panel(List<AgentAnswer> answers, List<MissingAgent> missing) {
    for (AgentAnswer answer : answers) {
      if (answer.signal().getDirection() != Direction.FLAT) {
        signalsByAgent.merge(answer.shortName(), 1L, Long::sum);
      }
      if (answer.signal().getDegraded()) {
        degradedByAgent.merge(answer.shortName(), 1L, Long::sum);
      }
    }
    for (MissingAgent agent : missing) {
      String shortName = ServiceNames.agentShortName(agent.agent());
      missingByAgent.merge(shortName, 1L, Long::sum);
      missingByReason.computeIfAbsent(shortName, k -> new LinkedHashMap<>()).merge(agent.reason().label(), 1L, Long::sum);
      counter("trading_coordinator_missing", "Panel agents without a fresh answer, by reason",
          "agent", shortName, "reason", agent.reason().label()).increment();
    }
  }

  /** The shadow agents' fresh answers and missing agents of one decision. */
  void shadow(List<AgentAnswer> answers, List<MissingAgent> missing) {
    for (AgentAnswer answer : answers) {
      Map<String, Long> counts = shadowCounts.computeIfAbsent(answer.shortName(), k -> new LinkedHashMap<>());
      if (answer.signal().getDirection() != Direction.FLAT) {
        counts.merge("signals", 1L, Long::sum);
        counter("trading_coordinator_shadow_signals", "Non-FLAT signals of shadow agents (never published)",
            "agent", answer.shortName()).increment();
      }
      if (answer.signal().getDegraded()) {
        counts.merge("degraded", 1L, Long::sum);
      }
    }
    for (MissingAgent agent : missing) {
      String shortName = ServiceNames.agentShortName(agent.agent());
      shadowCounts.computeIfAbsent(shortName, k -> new LinkedHashMap<>()).merge("missing", 1L, Long::sum);
      counter("trading_coordinator_shadow_missing", "Shadow agents without a fresh answer, by reason",
          "agent", shortName, "reason", agent.reason().label()).increment();
    }
  }

  void scored(List<ScoredCall> calls) {
    for (ScoredCall call : calls) {
      scoredByAgent.computeIfAbsent(call.agent(), k -> new LinkedHashMap<>()).merge(call.outcome().label(), 1L, Long::sum);
      counter("trading_coordinator_scored_calls", "Agent calls judged by the mark-out of the fills they caused",
          "agent", call.agent(), "outcome", call.outcome().label()).increment();
    }
  }

  void agents(List<AgentView> views) {
    agents = views;
    for (AgentView view : views) {
      AgentGauges.weight(view.standing().agent(), view.standing().weight());
      AgentGauges.shadow(view.standing().agent(), view.shadow());
    }
  }

  void ledger(OutcomeLedger.Counts counts) {
    ledger = counts;
  }

  void weightsFileError(String op, String problem) {
    weightsFileProblem = problem;
    counter("trading_coordinator_weights_file_errors", "Learned-weights file reads or writes that failed",
        "op", op).increment();
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
    JsonObject reasons = new JsonObject();
    missingByReason.forEach((agent, byReason) -> reasons.put(agent, new JsonObject(new LinkedHashMap<>(byReason))));
    JsonObject weights = new JsonObject();
    JsonObject shadow = new JsonObject();
    for (AgentView view : agents) {
      weights.put(view.standing().agent(), view.standing().weight());
    }
    shadowCounts.forEach((agent, counts) -> {
      JsonObject entry = new JsonObject(new LinkedHashMap<>(counts));
      agents.stream().filter(v -> v.standing().agent().equals(agent)).findFirst()
          .ifPresent(v -> entry.put("weight", v.standing().weight()).put("promoted", !v.shadow()));
      shadow.put(agent, entry);
    });
    return new JsonObject()
        .put("decisions", decisions)
        .put("signalsByAgent", new JsonObject(new LinkedHashMap<>(signalsByAgent)))
        .put("degradedByAgent", new JsonObject(new LinkedHashMap<>(degradedByAgent)))
        .put("missingByAgent", new JsonObject(new LinkedHashMap<>(missingByAgent)))
        .put("missingByReason", reasons)
        .put("byDirection", directions)
        .put("unusableFeatures", unusableFeatures)
        .put("weights", weights)
        .put("shadow", shadow)
        .put("learning", learningJson());
  }

  private JsonObject learningJson() {
    JsonObject scored = new JsonObject();
    scoredByAgent.forEach((agent, counts) -> scored.put(agent, new JsonObject(new LinkedHashMap<>(counts))));
    JsonObject json = new JsonObject().put("scored", scored);
    if (ledger != null) {
      json.put("attributedFills", ledger.attributedFills())
          .put("repeatFills", ledger.repeatFills())
          .put("unattributedFills", ledger.unattributedFills())
          .put("queuedFills", ledger.queuedFills())
          .put("pendingMarkouts", ledger.pendingMarkouts())
          .put("droppedFills", ledger.droppedFills())
          .put("droppedMarkouts", ledger.droppedMarkouts());
    }
    if (weightsFileProblem != null) {
      json.put("weightsFileProblem", weightsFileProblem);
    }
    return json;
  }

  private Counter counter(String name, String description, String... tags) {
    return counters.computeIfAbsent(name + String.join("|", tags), k -> TradingMetrics.counter(name, description, tags));
  }
}
