package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;

/**
 * Parameters of the built-in probabilistic forecaster ({@code agents.lagllama.*}).
 *
 * @param horizonCandles     H: the forecast is of the summed log return over the next H
 *                           candles. Longer horizons let drift show against noise but react later.
 * @param warmupCandles      returns observed before the first forecast; below ~20 the variance
 *                           estimate is mostly noise.
 * @param minResiduals       standardised residuals needed before their empirical quantiles
 *                           replace the normal ones. Fewer make tail quantiles jumpy; more keep
 *                           the (thin-tailed) normal fallback longer.
 * @param residualWindow     residuals kept for the empirical quantiles; long windows are stable,
 *                           short ones follow a change of tail shape.
 * @param meanAlpha          EWMA weight of the newest return in the drift estimate (0.01: a
 *                           memory of about 200 candles). Larger follows trends sooner, but its
 *                           noise crosses the direction threshold more often on driftless data.
 * @param garchAlpha         GARCH(1,1) reaction of variance to the last squared shock.
 * @param garchBeta          GARCH(1,1) persistence; alpha + beta must stay below 1 (mean
 *                           reversion of variance towards its long-run level).
 * @param longRunSpan        span, in candles, of the long-run variance the GARCH reverts to.
 * @param directionThreshold LONG/SHORT when |median| exceeds this fraction of the 10-90%
 *                           spread. 0.15 asks for a median clearly off zero relative to the
 *                           forecast's own uncertainty.
 */
public record ForecastConfig(
    int horizonCandles,
    int warmupCandles,
    int minResiduals,
    int residualWindow,
    double meanAlpha,
    double garchAlpha,
    double garchBeta,
    int longRunSpan,
    double directionThreshold) {

  public static final int DEFAULT_HORIZON_CANDLES = 5;
  /** Longest horizon configured or asked for (the forecast tool takes the same bound). */
  public static final int MAX_HORIZON_CANDLES = 1_000;
  public static final int DEFAULT_WARMUP_CANDLES = 30;
  public static final int DEFAULT_MIN_RESIDUALS = 100;
  public static final int DEFAULT_RESIDUAL_WINDOW = 500;
  public static final double DEFAULT_MEAN_ALPHA = 0.01;
  public static final double DEFAULT_GARCH_ALPHA = 0.08;
  public static final double DEFAULT_GARCH_BETA = 0.90;
  public static final int DEFAULT_LONG_RUN_SPAN = 500;
  public static final double DEFAULT_DIRECTION_THRESHOLD = 0.15;

  private static final String PREFIX = "agents.lagllama.";

  public ForecastConfig {
    if (!(garchAlpha + garchBeta < 1)) {
      throw new IllegalArgumentException("garchAlpha + garchBeta must be < 1, got " + (garchAlpha + garchBeta));
    }
  }

  public static ForecastConfig defaults() {
    return new ForecastConfig(DEFAULT_HORIZON_CANDLES, DEFAULT_WARMUP_CANDLES, DEFAULT_MIN_RESIDUALS,
        DEFAULT_RESIDUAL_WINDOW, DEFAULT_MEAN_ALPHA, DEFAULT_GARCH_ALPHA, DEFAULT_GARCH_BETA,
        DEFAULT_LONG_RUN_SPAN, DEFAULT_DIRECTION_THRESHOLD);
  }

  public static ForecastConfig from(ConfigReader config) {
    double alpha = config.decimal(PREFIX + "garchAlpha", DEFAULT_GARCH_ALPHA, 0.0, 0.5);
    double beta = config.decimal(PREFIX + "garchBeta", DEFAULT_GARCH_BETA, 0.0, 0.999);
    if (!(alpha + beta < 1)) {
      throw new ConfigException(PREFIX + "garchBeta", "garchAlpha + garchBeta must be < 1, got " + (alpha + beta));
    }
    int minResiduals = config.integer(PREFIX + "minResiduals", DEFAULT_MIN_RESIDUALS, 10, 100_000);
    int window = config.integer(PREFIX + "residualWindow", DEFAULT_RESIDUAL_WINDOW, 10, 100_000);
    if (window < minResiduals) {
      throw new ConfigException(PREFIX + "residualWindow", window + " keeps fewer residuals than minResiduals "
          + minResiduals + ", so the empirical quantiles would never be used");
    }
    return new ForecastConfig(
        config.integer(PREFIX + "horizonCandles", DEFAULT_HORIZON_CANDLES, 1, MAX_HORIZON_CANDLES),
        config.integer(PREFIX + "warmupCandles", DEFAULT_WARMUP_CANDLES, 2, 100_000),
        minResiduals, window,
        config.decimal(PREFIX + "meanAlpha", DEFAULT_MEAN_ALPHA, 0.0, 1.0),
        alpha, beta,
        config.integer(PREFIX + "longRunSpan", DEFAULT_LONG_RUN_SPAN, 2, 1_000_000),
        config.decimal(PREFIX + "directionThreshold", DEFAULT_DIRECTION_THRESHOLD, 0.0, 5.0));
  }
}
