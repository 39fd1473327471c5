package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentOpinion;

/**
 * The built-in forecaster's current view of one symbol over a chosen horizon, as its MCP tool
 * answers it: the quantile forecast, how the agent would read it as a signal, and the candle it
 * is as of.
 *
 * @param symbol               the symbol
 * @param forecast             quantiles of the summed log return over the horizon
 * @param opinion              direction, strength and confidence the agent would give it
 * @param intervalSec          candle length
 * @param lastCandleOpenTimeUs open time of the last closed candle the forecast starts from
 * @param lastClose            that candle's close as a decimal price
 * @param coverage80           share of recent 1-candle returns inside their 10-90% interval
 * @param residuals            standardised residuals behind the empirical quantiles
 */
public record ForecastSnapshot(String symbol, QuantileForecast forecast, AgentOpinion opinion, int intervalSec,
    long lastCandleOpenTimeUs, double lastClose, double coverage80, int residuals) {

  /** The price at a log return from the last close. */
  public double priceAt(double logReturn) {
    return lastClose * Math.exp(logReturn);
  }
}
