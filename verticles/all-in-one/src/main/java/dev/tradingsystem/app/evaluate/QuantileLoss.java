package dev.tradingsystem.app.evaluate;

/**
 * Scores of a forecast given as quantiles.
 * <ul>
 *   <li>Pinball (quantile) loss of level {@code t}: {@code (t - 1{y < q}) * (y - q)}, which is
 *       minimised in expectation by the true {@code t}-quantile.</li>
 *   <li>CRPS from quantiles: {@code CRPS(F, y) = 2 * integral_0^1 pinball_t(F^-1(t), y) dt}
 *       (Gneiting and Raftery 2007, eq. 21 form), approximated by twice the mean pinball loss over
 *       the available levels, as GluonTS's {@code mean_wQuantileLoss} does. Over a fine, evenly
 *       spread set of levels it converges to the exact CRPS; over a few levels it is a coarser
 *       proper score, comparable only between forecasts scored on the same levels.</li>
 * </ul>
 */
public final class QuantileLoss {

  private QuantileLoss() {
  }

  /** Pinball loss of the {@code level} quantile {@code quantile} when {@code realised} happened. */
  public static double pinball(double level, double quantile, double realised) {
    double error = realised - quantile;
    return error >= 0 ? level * error : (level - 1) * error;
  }

  /**
   * Twice the mean pinball loss over the levels: the quantile approximation of the CRPS.
   *
   * @param levels quantile levels in (0, 1)
   * @param quantiles the forecast quantile at each level
   */
  public static double crps(double[] levels, double[] quantiles, double realised) {
    if (levels.length == 0 || levels.length != quantiles.length) {
      throw new IllegalArgumentException("need one quantile per level, got " + levels.length + " levels and "
          + quantiles.length + " quantiles");
    }
    double sum = 0;
    for (int i = 0; i < levels.length; i++) {
      sum += pinball(levels[i], quantiles[i], realised);
    }
    return 2 * sum / levels.length;
  }

  /** Whether the realised value lies in the closed interval {@code [low, high]}. */
  public static boolean covers(double low, double high, double realised) {
    return realised >= low && realised <= high;
  }
}
