package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.proto.StrategyAllocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns shares of equity into fixed-point budgets. */
public final class Budgets {

  private Budgets() {
  }

  /**
   * Shares whose sum exceeds 1 are scaled down together, so strategies can never be promised more
   * than the whole equity (each policy caps its own shares, but several capped shares can still
   * add up to more than 1). Non-finite or negative shares count as 0.
   */
  public static Map<String, Double> capTotal(Map<String, Double> shares) {
    Map<String, Double> clean = new TreeMap<>();
    double total = 0;
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      double share = e.getValue() != null && Double.isFinite(e.getValue()) ? Math.max(0, e.getValue()) : 0;
      clean.put(e.getKey(), share);
      total += share;
    }
    if (total > 1) {
      double factor = 1 / total;
      clean.replaceAll((k, v) -> v * factor);
    }
    return clean;
  }

  /**
   * One allocation per strategy, sorted by id: capital = equity × share × scale, max gross
   * notional = capital × leverage, both rounded half-even to a micro.
   */
  public static List<StrategyAllocation> allocations(long equityMicros, Map<String, Double> shares,
      double maxLeverage, double scale) {
    List<StrategyAllocation> result = new ArrayList<>(shares.size());
    for (Map.Entry<String, Double> e : new TreeMap<>(shares).entrySet()) {
      result.add(allocation(e.getKey(), equityMicros, e.getValue() * scale, maxLeverage));
    }
    return result;
  }

  public static StrategyAllocation allocation(String strategyId, long equityMicros, double share, double maxLeverage) {
    long capital = scale(Math.max(0, equityMicros), share);
    return StrategyAllocation.newBuilder()
        .setStrategyId(strategyId)
        .setCapitalMicros(capital)
        .setMaxNotionalMicros(scale(capital, maxLeverage))
        .build();
  }

  static long scale(long micros, double factor) {
    return BigDecimal.valueOf(micros).multiply(BigDecimal.valueOf(factor))
        .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
