package dev.tradingsystem.portfolio.attribution;

import dev.tradingsystem.portfolio.attribution.AttributedPosition.Closing;
import dev.tradingsystem.proto.AgentShare;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PnlAttribution;
import dev.tradingsystem.shared.msg.Metas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Attributes realised P&amp;L back to the agent signals of the decisions that opened each position.
 *
 * <p>Flow: a {@code Consensus} records how each agent voted ({@link AgentVotes}), keyed by its
 * trace id and symbol; an accepted {@code Order} carries the same trace (its meta derives from the
 * intent, which derives from the consensus) and binds the order to that decision; each
 * {@code Execution} of the order is booked on the strategy's position: an opening fill adds an
 * entry with the decision's agent shares for the fill's side, and a reducing fill returns a
 * {@link PnlAttribution} that splits the P&amp;L it realised (average cost, net of its fee share
 * and the released entry fees) over the agents of the entries it closed, weighted by the closed
 * quantities. An agent's weight is its share summed over those entries; the weights add up to
 * less than 1 when an entry had no known decision or nobody voted for its side, and that part is
 * counted as unattributed.
 *
 * <p>Memory is bounded: the recent decisions are a window of {@code maxDecisions} (an order is
 * bound within the same tick, so a small window suffices; a decision nobody acted on falls out of
 * it); an order's binding goes when the order is finished (last fill, cancel, expiry, reject);
 * a position's entries go when it is flat, and an open one keeps at most {@code maxLotsPerPosition}
 * entries (the smallest are folded together, exactly; see {@link EntryLot#absorb}).
 * Feed every execution of the portfolio, in order, so positions here match the book.
 * Single-threaded, no I/O.
 */
public final class SignalAttribution {

  public static final int DEFAULT_MAX_DECISIONS = 1024;
  public static final int DEFAULT_MAX_LOTS_PER_POSITION = 32;

  private record PositionKey(String strategyId, String symbol) {
  }

  private final int maxLotsPerPosition;
  private final Map<String, AgentVotes> decisions;
  private final Map<String, AgentVotes> orders = new HashMap<>();
  private final Map<PositionKey, AttributedPosition> positions = new HashMap<>();
  private final SortedMap<String, Long> pnlByAgent = new TreeMap<>();
  private long unattributedMicros;
  private long attributions;

  public SignalAttribution() {
    this(DEFAULT_MAX_DECISIONS, DEFAULT_MAX_LOTS_PER_POSITION);
  }

  public SignalAttribution(int maxDecisions, int maxLotsPerPosition) {
    this.maxLotsPerPosition = Math.max(1, maxLotsPerPosition);
    this.decisions = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, AgentVotes> eldest) {
        return size() > maxDecisions;
      }
    };
  }

  /** Remembers how the agents voted on one decision. */
  public void onConsensus(Consensus consensus) {
    decisions.put(key(consensus.getMeta().getTraceId(), consensus.getSymbol()), AgentVotes.of(consensus));
  }

  /** Binds a new order to the decision with its trace and symbol; forgets cancelled, expired and rejected ones. */
  public void onOrder(Order order) {
    OrderStatus status = order.getStatus();
    if (status == OrderStatus.CANCELLED || status == OrderStatus.EXPIRED || status == OrderStatus.REJECTED) {
      orders.remove(order.getOrderId());
      return;
    }
    if (status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED) {
      orders.computeIfAbsent(order.getOrderId(), id -> decisions.getOrDefault(
          key(order.getMeta().getTraceId(), order.getInstrument().getSymbol()), AgentVotes.unknown()));
    }
  }

  /**
   * Books a fill.
   *
   * @return the attribution of the P&amp;L it realised, or empty when it only opened or added
   */
  public Optional<PnlAttribution> onExecution(Execution execution) {
    String symbol = execution.getInstrument().getSymbol();
    PositionKey key = new PositionKey(execution.getStrategyId(), symbol);
    AttributedPosition position = positions.computeIfAbsent(key,
        k -> new AttributedPosition(k.strategyId(), execution.getInstrument(), maxLotsPerPosition));
    AgentVotes decision = orders.getOrDefault(execution.getOrderId(), AgentVotes.unknown());
    if (execution.getLeavesQuantity() == 0) {
      orders.remove(execution.getOrderId());
    }
    Closing closing = position.apply(execution.getSide(), execution.getPrice(), execution.getQuantity(),
        execution.getFeeMicros(), decision);
    if (position.isFlat()) {
      positions.remove(key);
    }
    if (closing == null) {
      return Optional.empty();
    }
    return Optional.of(attribute(execution, closing));
  }

  /** Cumulative attributed P&amp;L per agent, micros, sorted by agent. */
  public Map<String, Long> pnlByAgent() {
    return Collections.unmodifiableSortedMap(pnlByAgent);
  }

  /** Realised P&amp;L no agent voted for (unknown decisions, or nobody on the trade's side), micros. */
  public long unattributedMicros() {
    return unattributedMicros;
  }

  /** Reducing fills attributed so far. */
  public long attributions() {
    return attributions;
  }

  /** Memory in use: remembered decisions, bound orders, open positions. */
  public int[] footprint() {
    return new int[] {decisions.size(), orders.size(), positions.size()};
  }

  private PnlAttribution attribute(Execution execution, Closing closing) {
    Map<String, Long> split = split(closing.netPnlMicros(), closing.weights());
    List<AgentShare> shares = new ArrayList<>(split.size());
    long attributed = 0;
    for (Map.Entry<String, Long> e : split.entrySet()) {
      shares.add(AgentShare.newBuilder().setAgent(e.getKey()).setWeight(closing.weights().get(e.getKey()))
          .setPnlMicros(e.getValue()).build());
      pnlByAgent.merge(e.getKey(), e.getValue(), Long::sum);
      attributed += e.getValue();
    }
    unattributedMicros += closing.netPnlMicros() - attributed;
    attributions++;
    return PnlAttribution.newBuilder()
        .setMeta(Metas.derive(execution.getMeta(), "pa-" + execution.getExecutionId()))
        .setStrategyId(execution.getStrategyId())
        .setInstrument(execution.getInstrument())
        .setOrderId(execution.getOrderId())
        .setRealizedPnlMicros(closing.netPnlMicros())
        .setEntryTraceId(closing.entryTraceId())
        .addAllShares(shares)
        .build();
  }

  /**
   * Splits P&amp;L by weight into whole micros. Floors of |pnl| × weight, then the micros left over
   * go one each by largest remainder (ties by agent name) to the agents and, when the weights sum
   * to less than 1, to the unattributed part; so the agents' parts and the unattributed part add
   * up exactly to the P&amp;L.
   */
  static Map<String, Long> split(long pnlMicros, Map<String, Double> weights) {
    long magnitude = Math.abs(pnlMicros);
    double totalWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double norm = totalWeight > 1 ? totalWeight : 1;
    Map<String, Long> parts = new TreeMap<>();
    List<Map.Entry<String, Double>> remainders = new ArrayList<>();
    long assigned = 0;
    for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
      double exact = magnitude * (e.getValue() / norm);
      long floor = Math.min(magnitude - assigned, (long) Math.floor(exact));
      parts.put(e.getKey(), floor);
      remainders.add(Map.entry(e.getKey(), exact - floor));
      assigned += floor;
    }
    double unattributedExact = magnitude * Math.max(0, 1 - totalWeight / norm);
    long unattributedFloor = (long) Math.floor(unattributedExact);
    // The unattributed part competes for leftover micros under the empty name, ranked last on ties.
    remainders.add(Map.entry("", unattributedExact - unattributedFloor));
    remainders.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    long left = magnitude - assigned - unattributedFloor;
    for (int i = 0; left > 0 && i < remainders.size(); i++, left--) {
      String agent = remainders.get(i).getKey();
      if (!agent.isEmpty()) {
        parts.merge(agent, 1L, Long::sum);
      }
    }
    int sign = Long.signum(pnlMicros);
    parts.replaceAll((agent, part) -> sign * part);
    return parts;
  }

  private static String key(String traceId, String symbol) {
    return traceId + '|' + symbol;
  }
}
