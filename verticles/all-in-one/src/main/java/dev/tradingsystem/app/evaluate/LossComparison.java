package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.shared.math.NormalDistribution;

/**
 * Diebold-Mariano comparison of two forecasters' losses on the same points: the mean of the loss
 * differences {@code d_t = loss_a - loss_b}, its standard error from a Newey-West (Bartlett
 * kernel) long-run variance with {@code lag} autocovariances, the statistic {@code mean / se}
 * and its two-sided normal p-value. Forecasts over an {@code h}-step horizon made every step
 * overlap, so their errors are autocorrelated up to lag {@code h - 1}: that is the lag to use.
 *
 * @param n          points compared
 * @param meanDiff   mean of {@code loss_a - loss_b}; negative means {@code a} scored better
 * @param stdError   HAC standard error of the mean
 * @param statistic  {@code meanDiff / stdError} (0 when the error is 0)
 * @param pValue     two-sided p-value under the normal approximation
 */
public record LossComparison(int n, double meanDiff, double stdError, double statistic, double pValue) {

  /** Compares {@code a} with {@code b} (equal lengths, at least two points). */
  public static LossComparison of(double[] a, double[] b, int lag) {
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException("need two equally long loss series of at least 2 points");
    }
    if (lag < 0 || lag >= a.length) {
      throw new IllegalArgumentException("lag must be in [0, n), got " + lag);
    }
    int n = a.length;
    double[] d = new double[n];
    double mean = 0;
    for (int t = 0; t < n; t++) {
      d[t] = a[t] - b[t];
      mean += d[t];
    }
    mean /= n;
    double longRun = autocovariance(d, mean, 0);
    for (int k = 1; k <= lag; k++) {
      longRun += 2 * (1 - k / (double) (lag + 1)) * autocovariance(d, mean, k);
    }
    double se = Math.sqrt(Math.max(0, longRun) / n);
    double statistic = se > 0 ? mean / se : 0;
    double p = se > 0 ? 2 * NormalDistribution.cdf(-Math.abs(statistic)) : 1;
    return new LossComparison(n, mean, se, statistic, p);
  }

  /** Sample autocovariance at lag k, normalised by n (keeps the Newey-West sum non-negative). */
  private static double autocovariance(double[] d, double mean, int k) {
    double sum = 0;
    for (int t = k; t < d.length; t++) {
      sum += (d[t] - mean) * (d[t - k] - mean);
    }
    return sum / d.length;
  }
}
