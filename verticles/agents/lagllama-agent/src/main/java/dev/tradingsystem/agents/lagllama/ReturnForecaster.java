package dev.tradingsystem.agents.lagllama;

/**
 * Online forecaster of one symbol's candle log returns: an EWMA drift, GARCH(1,1) variance with
 * variance targeting, and quantiles from the empirical distribution of standardised residuals
 * (filtered historical simulation), normal quantiles until enough residuals exist.
 *
 * <p>Per closed candle with log return {@code r} and shock {@code e = r - mean}:
 * {@code var' = (1 - a - b) * V + a * e^2 + b * var}, where {@code V} is the long-run variance
 * (expanding mean of {@code e^2}, then an EWMA over {@code longRunSpan} candles), and the
 * residual {@code e / sqrt(var)} joins the sample. Over H candles the variance is the GARCH term
 * structure {@code sum_k V + (a + b)^(k-1) * (var - V)}; the shape of the residuals is shrunk
 * towards the normal by {@code 1 / sqrt(H)}, as skewness of a sum of H shocks shrinks (CLT),
 * while their scale is kept in full.
 */
final class ReturnForecaster {

  /** Normal 90% quantile: the 10/90 fallback is the mean plus or minus this many deviations. */
  static final double Z90 = 1.2815515655446004;
  /** Keeps a flat stretch of candles from driving the variance to zero (0.01 bp squared). */
  static final double VARIANCE_FLOOR = 1e-12;
  /** Weight of the newest 1-candle coverage outcome in the calibration tracker. */
  static final double CALIBRATION_ALPHA = 0.02;

  private final ForecastConfig config;
  private final ResidualSample residuals;
  private long lastOpenTimeUs = Long.MIN_VALUE;
  private double lastLogClose = Double.NaN;
  private int intervalSec;
  private long returns;
  private double mean;
  private double variance = Double.NaN;
  private double longRunVariance;
  private double hitRate = 0.8;
  private QuantileForecast oneStep;
  private QuantileForecast forecast;

  ReturnForecaster(ForecastConfig config) {
    this.config = config;
    this.residuals = new ResidualSample(config.residualWindow());
  }

  /**
   * Advances on a closed candle; a candle not newer than the last one (redelivery, replay
   * overlap) is ignored so the state never counts a return twice.
   *
   * @return whether the candle was new
   */
  boolean observe(long openTimeUs, long close, int candleIntervalSec) {
    if (openTimeUs <= lastOpenTimeUs) {
      return false;
    }
    lastOpenTimeUs = openTimeUs;
    intervalSec = candleIntervalSec;
    double logClose = Math.log(close);
    if (Double.isNaN(lastLogClose)) {
      lastLogClose = logClose;
      return true;
    }
    double r = logClose - lastLogClose;
    lastLogClose = logClose;
    returns++;
    double shock = r - mean;
    if (Double.isNaN(variance)) {
      longRunVariance = Math.max(VARIANCE_FLOOR, shock * shock);
      variance = longRunVariance;
    } else {
      if (oneStep != null) {
        residuals.add(shock / Math.sqrt(variance));
        hitRate += CALIBRATION_ALPHA * ((oneStep.covers(r) ? 1 : 0) - hitRate);
      }
      double weight = Math.max(1.0 / returns, 1.0 / config.longRunSpan());
      longRunVariance += weight * (shock * shock - longRunVariance);
      double omega = (1 - config.garchAlpha() - config.garchBeta()) * longRunVariance;
      variance = Math.max(VARIANCE_FLOOR, omega + config.garchAlpha() * shock * shock + config.garchBeta() * variance);
    }
    mean += config.meanAlpha() * (r - mean);
    if (returns >= config.warmupCandles()) {
      ResidualShape shape = shape();
      oneStep = forecast(1, shape);
      forecast = forecast(config.horizonCandles(), shape);
    }
    return true;
  }

  /** Quantiles and scale of the standardised residuals; null while too few for the empirical path. */
  private record ResidualShape(double q10, double q50, double q90, double scale) {
  }

  private ResidualShape shape() {
    if (residuals.size() < config.minResiduals()) {
      return null;
    }
    double[] q = residuals.quantiles(0.1, 0.5, 0.9);
    return new ResidualShape(q[0], q[1], q[2], residuals.stdDev());
  }

  /** The latest forecast over the configured horizon, or null while warming up. */
  QuantileForecast latest() {
    return forecast;
  }

  /**
   * A forecast over any horizon from the state the last candle left (drift, GARCH variance and
   * residual shape); over the configured horizon it equals {@link #latest()}. Null while warming up.
   */
  QuantileForecast forecastAt(int horizonCandles) {
    if (horizonCandles < 1) {
      throw new IllegalArgumentException("horizonCandles must be positive: " + horizonCandles);
    }
    if (returns < config.warmupCandles() || Double.isNaN(variance)) {
      return null;
    }
    return forecast(horizonCandles, shape());
  }

  long returns() {
    return returns;
  }

  int intervalSec() {
    return intervalSec;
  }

  int residuals() {
    return residuals.size();
  }

  /** Share of recent 1-candle returns inside their forecast 10-90% interval (0.8 when calibrated). */
  double hitRate() {
    return hitRate;
  }

  private QuantileForecast forecast(int horizon, ResidualShape shape) {
    double persistence = config.garchAlpha() + config.garchBeta();
    double excess = variance - longRunVariance;
    double decay = 1;
    double horizonVariance = 0;
    for (int k = 0; k < horizon; k++) {
      horizonVariance += longRunVariance + decay * excess;
      decay *= persistence;
    }
    double sd = Math.sqrt(Math.max(VARIANCE_FLOOR * horizon, horizonVariance));
    double zLow = -Z90;
    double zMid = 0;
    double zHigh = Z90;
    if (shape != null) {
      double shrink = 1 / Math.sqrt(horizon);
      // Shape (quantiles) shrinks towards a normal of the same scale; H = 1 uses them as they are.
      zLow = -Z90 * shape.scale() * (1 - shrink) + shape.q10() * shrink;
      zMid = shape.q50() * shrink;
      zHigh = Z90 * shape.scale() * (1 - shrink) + shape.q90() * shrink;
    }
    double horizonMean = horizon * mean;
    return new QuantileForecast(horizon, horizonMean, sd,
        horizonMean + zLow * sd, horizonMean + zMid * sd, horizonMean + zHigh * sd, shape != null);
  }
}
