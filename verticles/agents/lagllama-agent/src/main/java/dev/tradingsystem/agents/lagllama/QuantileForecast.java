package dev.tradingsystem.agents.lagllama;

/**
 * The forecast distribution of the summed candle log return over the next {@code horizonCandles}.
 *
 * @param horizonCandles number of candles the forecast spans
 * @param mean      expected log return over the horizon
 * @param stdDev    forecast standard deviation over the horizon
 * @param q10       10% quantile
 * @param q50       median
 * @param q90       90% quantile
 * @param empirical true when the quantiles come from observed residuals, false for the normal fallback
 */
public record QuantileForecast(int horizonCandles, double mean, double stdDev, double q10, double q50, double q90,
    boolean empirical) {

  /** Width of the central 80% interval. */
  public double spread() {
    return q90 - q10;
  }

  /** Whether a realised horizon return fell inside the central 80% interval. */
  public boolean covers(double realised) {
    return realised >= q10 && realised <= q90;
  }
}
