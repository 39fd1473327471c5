package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.AllocationSettings;
import dev.tradingsystem.portfolio.allocation.AllocationSettings.Policy;
import dev.tradingsystem.portfolio.allocation.CapitalAllocator;
import dev.tradingsystem.portfolio.allocation.OperatorAllocation;
import dev.tradingsystem.portfolio.attribution.SignalAttribution;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.proto.AllocationCommand;
import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PnlAttribution;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portfolio's capital side, next to the engine: the {@link CapitalAllocator} that budgets
 * every strategy (the engine's allocation policy) and the {@link SignalAttribution} that splits
 * realised P&amp;L over the agents behind each entry. The verticle feeds it in event order on the
 * engine's context; it answers what to publish. No I/O, no clock: a replay gives the same
 * budgets at the same seqs and the same attributions.
 */
public final class CapitalDesk {

  /** What one trade caused here: attributions of its reducing fills, and a reallocation if one ran. */
  public record TradeEffects(List<PnlAttribution> attributions, Optional<AllocationState> allocation) {
  }

  private final CapitalAllocator allocator;
  private final AllocationSettings settings;
  private final double maxLeverage;
  private final SignalAttribution attribution = new SignalAttribution();
  private Policy policy;

  public CapitalDesk(CapitalAllocator allocator, PortfolioConfig config) {
    this.allocator = allocator;
    this.settings = config.allocation();
    this.maxLeverage = config.maxLeverage();
    this.policy = settings.policy();
  }

  /** The allocator, which the engine reads budgets from. */
  public CapitalAllocator allocator() {
    return allocator;
  }

  /** A consensus: Kelly's edge estimate and the agents' votes for attribution. */
  public void onConsensus(Consensus consensus) {
    allocator.onConsensus(consensus);
    attribution.onConsensus(consensus);
  }

  /** An accepted order (or an update outside a trade): binds it to its decision, or releases it. */
  public void onOrder(Order order) {
    attribution.onOrder(order);
  }

  public Optional<AllocationState> onAlert(RiskAlert alert) {
    return allocator.onAlert(alert);
  }

  public Optional<AllocationState> onStatus(TradingStatus status) {
    return allocator.onStatus(status);
  }

  /**
   * One trade's outcome: its executions (before its order updates, so a fill is booked with the
   * order's decision still bound), then its state, which may reallocate. A refused trade does not
   * move the schedule: its event time is not trusted.
   */
  public TradeEffects onTrade(TradeOutcome outcome) {
    List<PnlAttribution> attributions = new ArrayList<>();
    for (Execution execution : outcome.executions()) {
      attribution.onExecution(execution).ifPresent(attributions::add);
    }
    outcome.orderUpdates().forEach(attribution::onOrder);
    Optional<AllocationState> reallocated = outcome.state() == null || outcome.rejected()
        ? Optional.empty()
        : allocator.onPortfolioState(outcome.state());
    return new TradeEffects(attributions, reallocated);
  }

  /** Checks an operator's command against the policy in force and the equity. */
  public OperatorAllocation.Result check(AllocationCommand command) {
    return OperatorAllocation.check(command, policy, allocator.equityMicros(), maxLeverage);
  }

  /** Applies a checked command: the new policy now, the budgets at the next market event. */
  public AllocationState apply(OperatorAllocation change, Meta cause) {
    policy = change.policy();
    return allocator.command(settings.budgetPolicy(change.policy()), change.budgets(), change.reason(), cause);
  }

  /**
   * A journal record seen during recovery: an allocation change is applied again, fills and
   * orders rebuild attribution's position mirror (the decisions behind them are gone, so P&amp;L of
   * positions opened before the restart is unattributed when they close).
   */
  public void replay(JournalRecord record) {
    if (record instanceof JournalRecord.AllocationChanged changed) {
      // Checked when it was accepted; the equity then is not known here, so no bound on capital.
      OperatorAllocation.Result checked = OperatorAllocation.check(changed.command(), policy, Long.MAX_VALUE, maxLeverage);
      if (checked.accepted()) {
        apply(checked.command(), changed.command().getMeta());
      }
    } else if (record instanceof JournalRecord.OrderAccepted accepted) {
      attribution.onOrder(accepted.order());
    } else if (record instanceof JournalRecord.OrderChanged changed) {
      attribution.onOrder(changed.order());
    } else if (record instanceof JournalRecord.TickApplied tick) {
      tick.executions().forEach(attribution::onExecution);
      tick.updates().forEach(attribution::onOrder);
    }
  }

  /** The policy and budgets in force; for one strategy, its budget only. */
  public AllocationState allocations(String strategyId) {
    AllocationState state = allocator.state();
    if (strategyId == null || strategyId.isBlank()) {
      return state;
    }
    return state.toBuilder().clearAllocations().addAllocations(allocator.allocationFor(strategyId)).build();
  }

  /** Attributed realised P&amp;L per agent, micros. */
  public Map<String, Long> pnlByAgent() {
    return attribution.pnlByAgent();
  }

  public long unattributedMicros() {
    return attribution.unattributedMicros();
  }

  public long attributions() {
    return attribution.attributions();
  }
}
