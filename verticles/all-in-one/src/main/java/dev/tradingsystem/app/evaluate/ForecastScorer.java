package dev.tradingsystem.app.evaluate;

import java.util.Arrays;

/**
 * Accumulates one forecaster's scores over the evaluation points: CRPS from its quantiles,
 * pinball loss per level, how often the outermost quantiles enclosed the outcome, and how wide
 * that interval was (sharpness: a forecaster can buy coverage with width).
 */
final class ForecastScorer {

  private final String name;
  private final double[] levels;
  private final double[] pinballSums;
  private final double[] crps;
  private int n;
  private long covered;
  private double widthSum;

  ForecastScorer(String name, double[] levels, int capacity) {
    this.name = name;
    this.levels = levels.clone();
    this.pinballSums = new double[levels.length];
    this.crps = new double[capacity];
  }

  void add(double[] quantiles, double realised) {
    for (int i = 0; i < levels.length; i++) {
      pinballSums[i] += QuantileLoss.pinball(levels[i], quantiles[i], realised);
    }
    crps[n] = QuantileLoss.crps(levels, quantiles, realised);
    double low = quantiles[0];
    double high = quantiles[quantiles.length - 1];
    covered += QuantileLoss.covers(low, high, realised) ? 1 : 0;
    widthSum += high - low;
    n++;
  }

  /** CRPS of each point, in order, for the Diebold-Mariano comparison. */
  double[] crpsSeries() {
    return Arrays.copyOf(crps, n);
  }

  ForecastResult.Scores scores() {
    double[] pinball = new double[levels.length];
    double crpsSum = 0;
    for (int t = 0; t < n; t++) {
      crpsSum += crps[t];
    }
    for (int i = 0; i < levels.length; i++) {
      pinball[i] = n == 0 ? 0 : pinballSums[i] / n;
    }
    return new ForecastResult.Scores(name, n == 0 ? 0 : crpsSum / n, pinball, n == 0 ? 0 : (double) covered / n,
        n == 0 ? 0 : widthSum / n);
  }
}
