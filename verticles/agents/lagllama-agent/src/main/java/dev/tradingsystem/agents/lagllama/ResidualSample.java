package dev.tradingsystem.agents.lagllama;

import java.util.Arrays;

/**
 * The most recent standardised residuals in a ring buffer, and their empirical quantiles
 * (linear interpolation between order statistics, Hyndman-Fan type 7).
 */
final class ResidualSample {

  private final double[] values;
  private int next;
  private int size;

  ResidualSample(int capacity) {
    this.values = new double[capacity];
  }

  void add(double residual) {
    values[next] = residual;
    next = (next + 1) % values.length;
    size = Math.min(size + 1, values.length);
  }

  int size() {
    return size;
  }

  /** Sample standard deviation around the sample mean; 1 when fewer than two residuals. */
  double stdDev() {
    if (size < 2) {
      return 1;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    double mean = sum / size;
    double squares = 0;
    for (int i = 0; i < size; i++) {
      squares += (values[i] - mean) * (values[i] - mean);
    }
    return Math.sqrt(squares / (size - 1));
  }

  /** Quantiles at the given levels (each in [0, 1]) from one sort of the sample. */
  double[] quantiles(double... levels) {
    if (size == 0) {
      throw new IllegalStateException("no residuals yet");
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    double[] result = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      double position = levels[i] * (size - 1);
      int lower = (int) Math.floor(position);
      int upper = Math.min(size - 1, lower + 1);
      result[i] = sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
    return result;
  }
}
