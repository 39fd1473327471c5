package dev.tradingsystem.coordinator.state;

import dev.tradingsystem.coordinator.consensus.PanelRoster;
import dev.tradingsystem.coordinator.consensus.learning.ScoredCall;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.shared.ServiceNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coordinator's read model, for the MCP tools ({@code get_consensus}, {@code get_signals},
 * {@code explain_decision}, {@code promote_shadow}, {@code pause_agent}, the weights resource)
 * and the stats: current weights, the latest consensus per symbol, the latest signal per symbol
 * and agent, and a bounded record per decision, found by trace id or by the id of an order
 * placed on it.
 *
 * <p>The coordinator writes it from its own context; readers may call from any thread (every
 * method is synchronized and returns immutable values).
 */
public final class CoordinatorState {

  private final PanelRoster roster;
  private final Map<String, DecisionRecord> decisions;
  private final Map<String, String> orderTraces;
  private final Map<String, Consensus> latestConsensus = new LinkedHashMap<>();
  private final Map<String, Map<String, LatestSignal>> latestSignals = new LinkedHashMap<>();
  private List<Standing> standings = List.of();

  /** @param maxDecisions decision records kept; the oldest go first */
  public CoordinatorState(PanelRoster roster, int maxDecisions) {
    this.roster = roster;
    this.decisions = bounded(maxDecisions);
    this.orderTraces = bounded(maxDecisions * 2);
  }

  public synchronized void decided(DecisionRecord record) {
    decisions.put(record.traceId(), record);
    latestConsensus.put(record.symbol(), record.consensus());
    Map<String, LatestSignal> bySymbol = latestSignals.computeIfAbsent(record.symbol(), s -> new LinkedHashMap<>());
    // Contributions and the consensus's signals are both in answer order.
    for (int i = 0; i < record.contributions().size(); i++) {
      String agent = record.contributions().get(i).agent();
      bySymbol.put(agent, new LatestSignal(agent, false, record.consensus().getSignals(i)));
    }
  }

  /** A shadow agent's fresh signal (kept apart from the published consensus), by its short name. */
  public synchronized void shadowSignal(String symbol, String agent, AgentSignal signal) {
    latestSignals.computeIfAbsent(symbol, s -> new LinkedHashMap<>()).put(agent, new LatestSignal(agent, true, signal));
  }

  public synchronized void orderPlaced(String orderId, String traceId) {
    DecisionRecord record = decisions.get(traceId);
    if (record != null && orderTraces.putIfAbsent(orderId, traceId) == null) {
      decisions.put(traceId, record.withOrder(orderId));
    }
  }

  /** A fill of an order placed on a remembered decision; other fills are ignored. */
  public synchronized void filled(Execution fill) {
    String traceId = orderTraces.get(fill.getOrderId());
    DecisionRecord record = traceId == null ? null : decisions.get(traceId);
    if (record != null) {
      decisions.put(traceId, record.withFill(fill));
    }
  }

  public synchronized void scored(ScoredCall call) {
    DecisionRecord record = decisions.get(call.traceId());
    if (record != null) {
      decisions.put(call.traceId(), record.withOutcome(call));
    }
  }

  public synchronized void weights(List<Standing> current) {
    standings = List.copyOf(current);
  }

  /** Every agent (panel first, then shadows) with its weight. */
  public synchronized List<AgentView> agents() {
    PanelRoster.Members members = roster.members();
    List<AgentView> views = new ArrayList<>();
    for (String service : members.everyone()) {
      String shortName = ServiceNames.agentShortName(service);
      standings.stream().filter(s -> s.agent().equals(shortName)).findFirst()
          .ifPresent(s -> views.add(new AgentView(service, members.isShadow(service), members.isPaused(service), s)));
    }
    return List.copyOf(views);
  }

  /** The latest fresh signal of an agent (short name) for any symbol, by event time. */
  public synchronized Optional<LatestSignal> latestSignalOf(String agent) {
    LatestSignal latest = null;
    for (Map<String, LatestSignal> bySymbol : latestSignals.values()) {
      LatestSignal candidate = bySymbol.get(agent);
      if (candidate != null && (latest == null
          || candidate.signal().getMeta().getEventTimeUs() >= latest.signal().getMeta().getEventTimeUs())) {
        latest = candidate;
      }
    }
    return Optional.ofNullable(latest);
  }

  public synchronized Optional<Consensus> latestConsensus(String symbol) {
    return Optional.ofNullable(latestConsensus.get(symbol));
  }

  /** Symbols with a consensus, in the order they were first seen. */
  public synchronized List<String> symbols() {
    return List.copyOf(latestConsensus.keySet());
  }

  /** The latest fresh signal per agent for the symbol, panel and shadow. */
  public synchronized List<LatestSignal> latestSignals(String symbol) {
    return List.copyOf(latestSignals.getOrDefault(symbol, Map.of()).values());
  }

  /** The record of a decision, by its trace id or by the id of an order placed on it. */
  public synchronized Optional<DecisionRecord> explain(String traceOrOrderId) {
    DecisionRecord record = decisions.get(traceOrOrderId);
    if (record == null) {
      String traceId = orderTraces.get(traceOrOrderId);
      record = traceId == null ? null : decisions.get(traceId);
    }
    return Optional.ofNullable(record);
  }

  /**
   * Promotes a shadow agent onto the panel (by service or short name, {@code fingpt-agent} or
   * {@code fingpt}); see {@link PanelRoster#promote}.
   *
   * @throws IllegalArgumentException when it is not a configured agent
   */
  public boolean promote(String agent) {
    return roster.promote(roster.members().resolve(agent).orElse(agent));
  }

  /**
   * Pauses an agent (by service or short name); see {@link PanelRoster#pause}.
   *
   * @throws IllegalArgumentException when it is not a configured agent
   */
  public boolean pause(String agent, String detail) {
    return roster.pause(roster.members().resolve(agent).orElse(agent), detail);
  }

  /**
   * Resumes a paused agent (by service or short name); see {@link PanelRoster#resume}.
   *
   * @throws IllegalArgumentException when it is not a configured agent
   */
  public boolean resume(String agent) {
    return roster.resume(roster.members().resolve(agent).orElse(agent));
  }

  public PanelRoster.Members members() {
    return roster.members();
  }

  private static <K, V> Map<K, V> bounded(int max) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }
}
