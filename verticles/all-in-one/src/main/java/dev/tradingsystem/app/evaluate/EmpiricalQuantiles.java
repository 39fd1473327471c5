package dev.tradingsystem.app.evaluate;

import java.util.Arrays;

/**
 * Quantiles of a sample by linear interpolation between order statistics (Hyndman and Fan type 7,
 * the default of R and NumPy): the {@code p} quantile sits at position {@code p * (n - 1)} of the
 * sorted sample.
 */
public final class EmpiricalQuantiles {

  private EmpiricalQuantiles() {
  }

  /** The quantiles at {@code levels} (each in [0, 1]) of {@code values[from, to)}, after one sort. */
  public static double[] of(double[] values, int from, int to, double... levels) {
    if (to <= from) {
      throw new IllegalArgumentException("empty sample");
    }
    double[] sorted = Arrays.copyOfRange(values, from, to);
    Arrays.sort(sorted);
    double[] result = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      double position = levels[i] * (sorted.length - 1);
      int lower = (int) Math.floor(position);
      int upper = Math.min(sorted.length - 1, lower + 1);
      result[i] = sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
    return result;
  }
}
