package dev.tradingsystem.portfolio.allocation;

/**
 * An exponentially weighted mean that is not trusted before a minimum number of observations:
 * the first {@code minHistory} observations are averaged plainly and that mean seeds the EWMA
 * ({@code m ← λ·m + (1-λ)·x}) from then on. Seeding with a plain mean instead of the first
 * observation keeps one outlier at the start from dominating for many periods.
 */
final class SeededEwma {

  private final int minHistory;
  private final double lambda;
  private long count;
  private double sum;
  private double value;

  SeededEwma(int minHistory, double lambda) {
    this.minHistory = Math.max(1, minHistory);
    this.lambda = lambda;
  }

  void add(double x) {
    count++;
    if (count < minHistory) {
      sum += x;
    } else if (count == minHistory) {
      value = (sum + x) / minHistory;
    } else {
      value = lambda * value + (1 - lambda) * x;
    }
  }

  boolean ready() {
    return count >= minHistory;
  }

  double value() {
    return value;
  }

  long count() {
    return count;
  }
}
