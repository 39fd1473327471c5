package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.shared.math.NormalDistribution;

/**
 * The two reference forecasters of an {@code H}-candle log return, fitted at candle {@code k}
 * from closes {@code 0..k} only.
 * <ul>
 *   <li>Climatology (naive): the empirical quantiles of the last {@code window} overlapping
 *       {@code H}-candle returns {@code ln(c_j / c_{j-H})}, {@code j = k-window+1..k}. No model,
 *       just "the next move looks like recent moves".</li>
 *   <li>Random walk: zero drift, Gaussian, with the trailing volatility scaled by
 *       {@code sqrt(H)}: {@code sigma^2} is the mean squared one-candle return over the last
 *       {@code window} candles (zero-mean, as the walk has no drift).</li>
 * </ul>
 */
public final class ForecastBaselines {

  private final double[] logCloses;
  private final int horizon;
  private final int window;
  private final double[] horizonReturns;

  /**
   * @param closes  candle closes in order (any positive unit; only ratios matter)
   * @param horizon H, in candles
   * @param window  trailing returns each baseline uses
   */
  public ForecastBaselines(double[] closes, int horizon, int window) {
    if (horizon < 1 || window < 2) {
      throw new IllegalArgumentException("horizon must be >= 1 and window >= 2");
    }
    this.horizon = horizon;
    this.window = window;
    this.logCloses = new double[closes.length];
    for (int i = 0; i < closes.length; i++) {
      logCloses[i] = Math.log(closes[i]);
    }
    this.horizonReturns = new double[closes.length];
    for (int j = horizon; j < closes.length; j++) {
      horizonReturns[j] = logCloses[j] - logCloses[j - horizon];
    }
  }

  /** The first candle at which both baselines have a full window of {@code window} returns. */
  public static int firstCandle(int horizon, int window) {
    return window + horizon - 1;
  }

  /** Climatological quantiles at {@code levels}, as of candle {@code k}. */
  public double[] climatology(int k, double[] levels) {
    requireHistory(k);
    return EmpiricalQuantiles.of(horizonReturns, k - window + 1, k + 1, levels);
  }

  /** Random-walk quantiles at {@code levels}, as of candle {@code k}. */
  public double[] randomWalk(int k, double[] levels) {
    requireHistory(k);
    double squares = 0;
    for (int j = k - window + 1; j <= k; j++) {
      double r = logCloses[j] - logCloses[j - 1];
      squares += r * r;
    }
    double sd = Math.sqrt(squares / window * horizon);
    double[] quantiles = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      quantiles[i] = sd * NormalDistribution.quantile(levels[i]);
    }
    return quantiles;
  }

  private void requireHistory(int k) {
    int first = firstCandle(horizon, window);
    if (k < first || k >= logCloses.length) {
      throw new IllegalArgumentException("candle " + k + " outside [" + first + ", " + logCloses.length + ")");
    }
  }
}
