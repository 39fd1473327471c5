package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.portfolio.allocation.AllocationSettings.Policy;
import dev.tradingsystem.proto.AllocationCommand;
import dev.tradingsystem.proto.StrategyAllocation;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An operator's {@code AllocationCommand}, checked: the policy to switch to (the current one when
 * the command names none) and, for the fixed policy only, budgets per strategy. A budget's
 * notional cap defaults to capital × {@code maxLeverage}. Refusals carry a metric tag and a
 * sentence for the operator; nothing here checks who sent the command (the service does).
 *
 * @param policy the policy in force after the command
 * @param budgets fixed budgets by strategy id (empty for measured policies)
 * @param reason the operator's reason, as published in {@code AllocationState.reason}
 */
public record OperatorAllocation(Policy policy, Map<String, StrategyAllocation> budgets, String reason) {

  /** Why a command was refused: {@code tag} for the metric, {@code message} for the operator. */
  public record Refusal(String tag, String message) {
  }

  public OperatorAllocation {
    budgets = Map.copyOf(budgets);
  }

  /**
   * @param current the policy in force, for a command that names none
   * @param maxCapitalMicros most capital one budget may get (the equity)
   * @param maxLeverage gross notional cap as a multiple of capital, for budgets without one
   * @return the checked command, or why it is refused
   */
  public static Result check(AllocationCommand command, Policy current, long maxCapitalMicros, double maxLeverage) {
    Policy policy = current;
    if (!command.getPolicy().isBlank()) {
      Optional<Policy> named = AllocationSettings.policyNamed(command.getPolicy());
      if (named.isEmpty()) {
        return refused("unknown_policy", "'" + command.getPolicy()
            + "' is not one of fixed, volatility-target, risk-parity, kelly");
      }
      policy = named.get();
    }
    if (command.getAllocationsCount() > 0 && policy != Policy.FIXED) {
      return refused("budgets_need_fixed", "budgets per strategy apply to the fixed policy only, not " + policy.wireName());
    }
    Map<String, StrategyAllocation> budgets = new TreeMap<>();
    for (StrategyAllocation budget : command.getAllocationsList()) {
      String id = budget.getStrategyId();
      if (id.isBlank() || id.equals(AllocationPolicy.DEFAULT_STRATEGY)) {
        return refused("invalid_strategy", "a budget must name a strategy (not blank or '*'), got '" + id + "'");
      }
      if (budgets.containsKey(id)) {
        return refused("duplicate_strategy", "two budgets for " + id);
      }
      if (budget.getCapitalMicros() < 0 || budget.getCapitalMicros() > maxCapitalMicros
          || budget.getMaxNotionalMicros() < 0) {
        return refused("invalid_budget", "budget of " + id + " must have capital in [0, equity "
            + maxCapitalMicros + " micros] and a non-negative notional cap");
      }
      long cap = budget.getMaxNotionalMicros() > 0 ? budget.getMaxNotionalMicros()
          : Budgets.scale(budget.getCapitalMicros(), maxLeverage);
      budgets.put(id, StrategyAllocation.newBuilder().setStrategyId(id)
          .setCapitalMicros(budget.getCapitalMicros()).setMaxNotionalMicros(cap).build());
    }
    String reason = "operator: " + (command.getReason().isBlank() ? "no reason given" : command.getReason().trim());
    return new Result(new OperatorAllocation(policy, budgets, reason), null);
  }

  /** A checked command or a refusal, exactly one of them. */
  public record Result(OperatorAllocation command, Refusal refusal) {

    public boolean accepted() {
      return command != null;
    }
  }

  private static Result refused(String tag, String message) {
    return new Result(null, new Refusal(tag, message));
  }
}
