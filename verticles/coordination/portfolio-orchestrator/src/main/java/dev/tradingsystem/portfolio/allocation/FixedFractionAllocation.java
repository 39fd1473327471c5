package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.proto.StrategyAllocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each strategy gets a fixed fraction of the initial capital (its configured one, else the
 * default), and may hold up to {@code capital × maxLeverage} of gross notional.
 */
public final class FixedFractionAllocation implements AllocationPolicy {

  private final long initialCapitalMicros;
  private final Map<String, Double> fractions;
  private final double defaultFraction;
  private final double maxLeverage;

  /**
   * @param fractions configured fraction of the capital per strategy id, each in [0, 1]
   * @param defaultFraction fraction for strategies not in {@code fractions}
   * @param maxLeverage gross notional cap as a multiple of a strategy's capital
   */
  public FixedFractionAllocation(long initialCapitalMicros, Map<String, Double> fractions,
      double defaultFraction, double maxLeverage) {
    this.initialCapitalMicros = initialCapitalMicros;
    this.fractions = Map.copyOf(fractions);
    this.defaultFraction = defaultFraction;
    this.maxLeverage = maxLeverage;
  }

  @Override
  public StrategyAllocation allocationFor(String strategyId) {
    return allocation(strategyId, fractions.getOrDefault(strategyId, defaultFraction));
  }

  @Override
  public List<StrategyAllocation> allocations(Collection<String> seenStrategies) {
    TreeSet<String> ids = new TreeSet<>(fractions.keySet());
    ids.addAll(seenStrategies);
    ids.remove(DEFAULT_STRATEGY);
    List<StrategyAllocation> result = new ArrayList<>(ids.size() + 1);
    for (String id : ids) {
      result.add(allocationFor(id));
    }
    result.add(allocation(DEFAULT_STRATEGY, defaultFraction));
    return result;
  }

  private StrategyAllocation allocation(String strategyId, double fraction) {
    long capital = scale(initialCapitalMicros, fraction);
    return StrategyAllocation.newBuilder()
        .setStrategyId(strategyId)
        .setCapitalMicros(capital)
        .setMaxNotionalMicros(scale(capital, maxLeverage))
        .build();
  }

  private static long scale(long micros, double factor) {
    return BigDecimal.valueOf(micros).multiply(BigDecimal.valueOf(factor))
        .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
