package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.shared.math.NormalDistribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads a forecast given as quantiles of the log return (lagllama style): its median and, from
 * the widest quantile pair around it, the standard deviation a normal distribution with that
 * spread would have. Unusable quantiles (level outside (0, 1), non-finite value) are ignored.
 */
public final class QuantileForecast {

  private static final double EPS = 1e-9;

  private final List<Quantile> quantiles;

  public QuantileForecast(List<Quantile> quantiles) {
    List<Quantile> usable = new ArrayList<>();
    for (Quantile q : quantiles) {
      if (q.getLevel() > 0 && q.getLevel() < 1 && Double.isFinite(q.getLevel()) && Double.isFinite(q.getValue())) {
        usable.add(q);
      }
    }
    usable.sort(Comparator.comparingDouble(Quantile::getLevel));
    this.quantiles = List.copyOf(usable);
  }

  /** The 0.5 quantile, interpolated linearly between the levels around it when not given. */
  public OptionalDouble median() {
    Quantile below = null;
    for (Quantile q : quantiles) {
      if (Math.abs(q.getLevel() - 0.5) < EPS) {
        return OptionalDouble.of(q.getValue());
      }
      if (q.getLevel() < 0.5) {
        below = q;
      } else {
        if (below == null) {
          return OptionalDouble.empty();
        }
        double t = (0.5 - below.getLevel()) / (q.getLevel() - below.getLevel());
        return OptionalDouble.of(below.getValue() + t * (q.getValue() - below.getValue()));
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Standard deviation implied by the lowest and highest quantile:
   * {@code (q_hi - q_lo) / (z(hi) - z(lo))}; empty without a pair straddling the median or when
   * the quantiles cross.
   */
  public OptionalDouble sigma() {
    if (quantiles.size() < 2) {
      return OptionalDouble.empty();
    }
    Quantile lo = quantiles.get(0);
    Quantile hi = quantiles.get(quantiles.size() - 1);
    if (lo.getLevel() >= 0.5 || hi.getLevel() <= 0.5 || hi.getValue() < lo.getValue()) {
      return OptionalDouble.empty();
    }
    double spread = NormalDistribution.quantile(hi.getLevel()) - NormalDistribution.quantile(lo.getLevel());
    return OptionalDouble.of((hi.getValue() - lo.getValue()) / spread);
  }
}
