package dev.tradingsystem.portfolio.allocation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A risk-budgeting rule: the share of equity each strategy may use as capital, from what is known
 * about its risk. A share is a fraction of total equity in [0, 1]; the caller turns shares into
 * {@code StrategyAllocation}s ({@link Budgets}), which also caps the total at the whole equity and
 * sets each strategy's gross notional cap to capital × leverage.
 *
 * <p>Every policy falls back to the strategy's base share ({@link RiskInputs#baseShare}: its
 * configured fixed fraction, else the default one) when it lacks the history to say more, so a
 * new strategy trades at the size it was configured for until its risk is measured.
 */
public interface BudgetPolicy {

  /** The policy's name as published in {@code AllocationState.policy}. */
  String name();

  /**
   * @param strategies the strategies to budget, sorted by id
   * @return a share for every strategy in {@code strategies}, each in [0, 1]
   */
  Map<String, Double> shares(List<String> strategies, RiskInputs inputs);

  /**
   * Whether shares apply to the current equity (true) or to the initial capital (false). Measured
   * policies size on equity, so a strategy's risk follows what the account can bear.
   */
  default boolean followsEquity() {
    return true;
  }

  /**
   * The base shares themselves, of the initial capital: exactly {@link FixedFractionAllocation}'s
   * budgets, so the default policy leaves every budget (and every decision the risk gate and the
   * strategies take from it) as it was before allocation became dynamic. Only risk events (the
   * stress scale) and operator budgets move them.
   */
  static BudgetPolicy fixed() {
    return new BudgetPolicy() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public Map<String, Double> shares(List<String> strategies, RiskInputs inputs) {
        Map<String, Double> shares = new TreeMap<>();
        for (String strategy : strategies) {
          shares.put(strategy, inputs.baseShare(strategy));
        }
        return shares;
      }

      @Override
      public boolean followsEquity() {
        return false;
      }
    };
  }
}
