package dev.tradingsystem.app.evaluate;

import java.util.Locale;
import java.util.Map;

/**
 * What a forecast evaluation measured. Log returns are in natural-log units (0.001 = 0.1%).
 *
 * @param ticks          tick vectors on the tape (the model is asked on those that close a candle)
 * @param refused        ticks the runtime's boundary check would have refused, by reason
 * @param errors         calls where the model threw
 * @param candles        closed candles on the tape
 * @param candleSeconds  candle length
 * @param horizonCandles H: forecasts are of the log return over the next H candles
 * @param window         trailing returns each baseline uses
 * @param levels         quantile levels every forecaster is scored on (the model's own)
 * @param points         candles scored
 * @param gappedPoints   points whose H candles span more than H * candleSeconds: the model counts
 *                       traded candles, so its horizon stretches over minutes without trades
 * @param vsClimatology  Diebold-Mariano test of model CRPS minus climatology CRPS (null when too few points)
 * @param vsRandomWalk   the same against the random walk
 */
public record ForecastResult(String modelId, long ticks, Map<String, Long> refused, long errors, int candles,
    int candleSeconds, int horizonCandles, int window, double[] levels, int points, long gappedPoints,
    long firstPointUs, long lastPointUs, Scores model, Scores climatology, Scores randomWalk,
    LossComparison vsClimatology, LossComparison vsRandomWalk) {

  /**
   * One forecaster's averages over the points.
   *
   * @param crps     mean CRPS approximated from the quantiles (lower is better)
   * @param pinball  mean pinball loss per level
   * @param coverage share of outcomes inside [lowest, highest] quantile
   * @param width    mean width of that interval
   */
  public record Scores(String name, double crps, double[] pinball, double coverage, double width) {
  }

  /** Nominal coverage of the [lowest, highest] quantile interval. */
  public double nominalCoverage() {
    return levels.length < 2 ? 0 : levels[levels.length - 1] - levels[0];
  }

  /** One line: beats each baseline on CRPS or not (Diebold-Mariano at 5%), and the calibration. */
  public String verdict() {
    if (points == 0) {
      return "no point could be scored";
    }
    return String.format(Locale.ROOT, "%s climatology (CRPS %.3g vs %.3g, DM p=%.3g) and %s the random walk "
            + "(CRPS %.3g vs %.3g, DM p=%.3g); %.0f%% interval coverage %.4f (nominal %.2f)",
        compare(vsClimatology), model.crps(), climatology.crps(), p(vsClimatology), compare(vsRandomWalk),
        model.crps(), randomWalk.crps(), p(vsRandomWalk), nominalCoverage() * 100, model.coverage(),
        nominalCoverage());
  }

  private static double p(LossComparison comparison) {
    return comparison == null ? Double.NaN : comparison.pValue();
  }

  private static String compare(LossComparison comparison) {
    if (comparison == null) {
      return "too few points to compare with";
    }
    if (comparison.pValue() < DirectionalResult.ALPHA) {
      return comparison.meanDiff() < 0 ? "beats" : "is worse than";
    }
    return "is not distinguishable from";
  }
}
