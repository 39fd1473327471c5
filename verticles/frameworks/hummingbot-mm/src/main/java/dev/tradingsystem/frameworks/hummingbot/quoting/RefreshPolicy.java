package dev.tradingsystem.frameworks.hummingbot.quoting;

import java.util.List;

/**
 * Hummingbot's order refresh: every {@code order_refresh_time} the resting orders are compared
 * with a fresh proposal and replaced, unless every price is within
 * {@code order_refresh_tolerance_pct} of the one resting at the same rank (then they stay and keep
 * their queue priority). Replacing on every small move burns queue priority and risk-gate budget
 * for nothing; never replacing leaves stale quotes to be picked off. A negative tolerance never
 * keeps orders (Hummingbot: -1 disables the check). Immutable.
 */
public final class RefreshPolicy {

  private final long refreshMicros;
  private final double tolerancePct;

  /**
   * @param refreshMicros time between refreshes, event-time microseconds (≥ 1)
   * @param tolerancePct  percent of the resting price a wanted price may differ by and still keep it
   */
  public RefreshPolicy(long refreshMicros, double tolerancePct) {
    if (refreshMicros < 1 || !Double.isFinite(tolerancePct)) {
      throw new IllegalArgumentException("refresh time must be ≥ 1 µs and the tolerance finite");
    }
    this.refreshMicros = refreshMicros;
    this.tolerancePct = tolerancePct;
  }

  public long refreshMicros() {
    return refreshMicros;
  }

  /**
   * Hummingbot's {@code c_is_within_tolerance} for one side: as many wanted prices as resting ones,
   * and after sorting both, each |wanted − resting| / resting at most the tolerance.
   */
  public boolean withinTolerance(List<Long> resting, List<Long> wanted) {
    if (tolerancePct < 0 || resting.size() != wanted.size()) {
      return false;
    }
    List<Long> a = resting.stream().sorted().toList();
    List<Long> b = wanted.stream().sorted().toList();
    for (int i = 0; i < a.size(); i++) {
      long current = a.get(i);
      if (current <= 0 || Math.abs((double) b.get(i) - current) * 100 > tolerancePct * current) {
        return false;
      }
    }
    return true;
  }
}
