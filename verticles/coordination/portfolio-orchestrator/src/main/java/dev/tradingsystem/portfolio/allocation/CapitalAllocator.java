package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.portfolio.allocation.Reallocator.Reallocation;
import dev.tradingsystem.portfolio.allocation.RiskInputs.EdgeEstimate;
import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.msg.Metas;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Dynamic capital allocation: an {@link AllocationPolicy} whose budgets a {@link BudgetPolicy}
 * recomputes from the equity (the initial capital for the fixed policy) and the measured risk
 * whenever the {@link Reallocator} says so. An operator may switch the policy or set fixed
 * budgets ({@link #command}); the change lands at the next market event.
 * Between reallocations the budgets stand still, so the risk gate checks every intent against
 * the same numbers. Until the first reallocation each strategy has its base share of the initial
 * capital, exactly what {@link FixedFractionAllocation} gives.
 *
 * <p>Feed it, in event order: every {@code Consensus} ({@link #onConsensus}, for Kelly), every
 * {@code PortfolioState} ({@link #onPortfolioState}: equity, per-strategy P&amp;L, the strategies
 * and their symbols, and event time for the schedule), every {@code RiskAlert} and
 * {@code TradingStatus}. Each call that reallocates returns the new {@link AllocationState} to
 * publish. A strategy's symbol for Kelly is the first one it held a position or working order in.
 * Single-threaded, no I/O: a replay yields the same budgets every run.
 */
public final class CapitalAllocator implements AllocationPolicy {

  private BudgetPolicy policy;
  private final Reallocator reallocator;
  private final StrategyReturns returns;
  private final EdgeBook edges;
  private final Map<String, Double> baseShares;
  private final double defaultBaseShare;
  private final double maxLeverage;
  private final long initialCapitalMicros;
  private final TreeSet<String> strategies;
  /** Operator budgets under the fixed policy, by strategy: they replace the base share's budget. */
  private final SortedMap<String, StrategyAllocation> operatorBudgets = new TreeMap<>();
  private final Map<String, String> symbols = new HashMap<>();
  private final SortedMap<String, StrategyAllocation> budgets = new TreeMap<>();
  private long equityMicros;
  private double scale = 1;
  private long reallocations;
  private AllocationState state;

  /**
   * @param baseShares configured fraction of equity per strategy (the fallback of every policy)
   * @param defaultBaseShare fraction for a strategy that is not configured
   * @param maxLeverage gross notional cap as a multiple of a strategy's capital
   */
  public CapitalAllocator(BudgetPolicy policy, Reallocator reallocator, StrategyReturns returns, EdgeBook edges,
      long initialCapitalMicros, Map<String, Double> baseShares, double defaultBaseShare, double maxLeverage) {
    this.policy = policy;
    this.reallocator = reallocator;
    this.returns = returns;
    this.edges = edges;
    this.baseShares = Map.copyOf(baseShares);
    this.defaultBaseShare = defaultBaseShare;
    this.maxLeverage = maxLeverage;
    this.initialCapitalMicros = initialCapitalMicros;
    this.strategies = new TreeSet<>(baseShares.keySet());
    this.strategies.remove(DEFAULT_STRATEGY);
    this.equityMicros = initialCapitalMicros;
    budgets.putAll(byId(Budgets.allocations(equityMicros, baseShares(), maxLeverage, 1)));
    this.state = state(Meta.newBuilder().setId("alloc-0").build(), 0, "initial");
  }

  /** Wires the settings' policy, schedule, return series and edge book. */
  public static CapitalAllocator from(AllocationSettings settings, long initialCapitalMicros,
      Map<String, Double> baseShares, double defaultBaseShare, double maxLeverage) {
    return new CapitalAllocator(settings.budgetPolicy(), settings.reallocator(), settings.strategyReturns(),
        settings.edgeBook(), initialCapitalMicros, baseShares, defaultBaseShare, maxLeverage);
  }

  /** A consensus: updates its symbol's edge estimate. */
  public void onConsensus(Consensus consensus) {
    edges.observe(consensus);
  }

  /** A portfolio snapshot: equity, strategies, return samples; reallocates when the schedule is due. */
  public Optional<AllocationState> onPortfolioState(PortfolioState snapshot) {
    long now = snapshot.getMeta().getEventTimeUs();
    equityMicros = snapshot.getEquityMicros();
    Map<String, Long> pnl = new TreeMap<>();
    for (Position position : snapshot.getPositionsList()) {
      learn(position.getStrategyId(), position.getInstrument().getSymbol());
      pnl.merge(position.getStrategyId(),
          position.getRealizedPnlMicros() + position.getUnrealizedPnlMicros() - position.getFeesMicros(), Long::sum);
    }
    for (Order order : snapshot.getOpenOrdersList()) {
      learn(order.getStrategyId(), order.getInstrument().getSymbol());
    }
    for (String strategy : strategies) {
      returns.observe(strategy, now, pnl.getOrDefault(strategy, 0L), allocationFor(strategy).getCapitalMicros());
    }
    return apply(reallocator.onTime(now), snapshot.getMeta());
  }

  /** A risk alert: WARNING and CRITICAL reallocate (CRITICAL under the stress scale). */
  public Optional<AllocationState> onAlert(RiskAlert alert) {
    return apply(reallocator.onAlert(alert), alert.getMeta());
  }

  /** A trading state change: reallocates; REDUCING and HALTED under the stress scale. */
  public Optional<AllocationState> onStatus(TradingStatus status) {
    return apply(reallocator.onStatus(status), status.getMeta());
  }

  /**
   * An operator's change: from now on {@code newPolicy}, and under the fixed policy these budgets
   * (capital and notional cap per strategy; the others keep theirs). Switching to a measured
   * policy drops the operator budgets. Nothing moves until the next {@link #onPortfolioState}
   * (the next market event), which reallocates whatever the minimum interval.
   *
   * @return the state with the new policy and the budgets still in force
   */
  public AllocationState command(BudgetPolicy newPolicy, Map<String, StrategyAllocation> fixedBudgets, String reason,
      Meta cause) {
    policy = newPolicy;
    if (newPolicy.followsEquity()) {
      operatorBudgets.clear();
    } else {
      operatorBudgets.putAll(fixedBudgets);
      fixedBudgets.keySet().forEach(id -> learn(id, ""));
    }
    reallocator.onOperator(reason);
    state = state(Metas.derive(cause, "alloc-" + reallocations + "-pending"), state.getChangedAtUs(),
        reason + " (pending: at the next market event)");
    return state;
  }

  /** The budgets in force, with the policy and the reason of the last change. */
  public AllocationState state() {
    return state;
  }

  /** Equity as of the last portfolio state, micros. */
  public long equityMicros() {
    return equityMicros;
  }

  @Override
  public StrategyAllocation allocationFor(String strategyId) {
    StrategyAllocation budget = budgets.get(strategyId);
    if (budget != null) {
      return budget;
    }
    return Budgets.allocation(strategyId, baseMicros(), defaultBaseShare * scale, maxLeverage);
  }

  @Override
  public List<StrategyAllocation> allocations(Collection<String> seenStrategies) {
    TreeSet<String> ids = new TreeSet<>(budgets.keySet());
    ids.addAll(seenStrategies);
    ids.remove(DEFAULT_STRATEGY);
    List<StrategyAllocation> result = new ArrayList<>(ids.size() + 1);
    for (String id : ids) {
      result.add(allocationFor(id));
    }
    result.add(allocationFor(DEFAULT_STRATEGY));
    return result;
  }

  private Optional<AllocationState> apply(Optional<Reallocation> reallocation, Meta cause) {
    if (reallocation.isEmpty()) {
      return Optional.empty();
    }
    Reallocation r = reallocation.get();
    scale = r.scale();
    List<String> ids = List.copyOf(strategies);
    Map<String, Double> shares = Budgets.capTotal(policy.shares(ids, inputs(ids)));
    budgets.clear();
    budgets.putAll(byId(Budgets.allocations(baseMicros(), shares, maxLeverage, scale)));
    operatorBudgets.forEach((id, budget) -> budgets.put(id, scaled(budget, r.scale())));
    reallocations++;
    state = state(Metas.derive(cause, "alloc-" + reallocations), r.atUs(), r.reason());
    return Optional.of(state);
  }

  /** What shares apply to: the equity, or the initial capital for the fixed policy. */
  private long baseMicros() {
    return policy.followsEquity() ? equityMicros : initialCapitalMicros;
  }

  private static StrategyAllocation scaled(StrategyAllocation budget, double factor) {
    return budget.toBuilder().setCapitalMicros(Budgets.scale(budget.getCapitalMicros(), factor))
        .setMaxNotionalMicros(Budgets.scale(budget.getMaxNotionalMicros(), factor)).build();
  }

  private RiskInputs inputs(List<String> ids) {
    Map<String, Double> vols = new TreeMap<>();
    Map<String, EdgeEstimate> edgeBySymbol = new TreeMap<>();
    for (String id : ids) {
      OptionalDouble vol = returns.annualVolatility(id);
      if (vol.isPresent()) {
        vols.put(id, vol.getAsDouble());
      }
      String symbol = symbols.get(id);
      if (symbol != null) {
        edges.estimate(symbol).ifPresent(e -> edgeBySymbol.put(id, e));
      }
    }
    return new RiskInputs(baseShares, defaultBaseShare, vols, edgeBySymbol);
  }

  private Map<String, Double> baseShares() {
    Map<String, Double> shares = new TreeMap<>();
    for (String id : strategies) {
      shares.put(id, baseShares.getOrDefault(id, defaultBaseShare));
    }
    return shares;
  }

  private void learn(String strategyId, String symbol) {
    if (strategyId.isEmpty() || strategyId.equals(DEFAULT_STRATEGY)) {
      return;
    }
    strategies.add(strategyId);
    if (!symbol.isEmpty()) {
      symbols.putIfAbsent(strategyId, symbol);
    }
  }

  private AllocationState state(Meta meta, long changedAtUs, String reason) {
    return AllocationState.newBuilder()
        .setMeta(meta)
        .setPolicy(policy.name())
        .addAllAllocations(allocations(List.of()))
        .setChangedAtUs(changedAtUs)
        .setReason(reason)
        .build();
  }

  private static Map<String, StrategyAllocation> byId(List<StrategyAllocation> list) {
    Map<String, StrategyAllocation> map = new TreeMap<>();
    list.forEach(a -> map.put(a.getStrategyId(), a));
    return map;
  }
}
