package dev.tradingsystem.data.features;

/**
 * Parameters of the tick features ({@code features.*} keys). Each trades reactivity against noise.
 *
 * @param candleSeconds candle length; shorter gives agents more bars but noisier ones
 * @param emaFast fast EMA period in ticks; the trend signal's responsiveness
 * @param emaSlow slow EMA period in ticks; must exceed emaFast for a meaningful crossover
 * @param rsiPeriod Wilder RSI period in ticks; 14 is the convention agents expect
 * @param volatilityLambda EWMA decay per tick; higher is smoother and slower to react to a shock
 * @param returnShort short return horizon in ticks
 * @param returnMedium medium return horizon in ticks
 * @param returnLong long return horizon in ticks; also the ring buffer length
 * @param flowSpan trade-flow imbalance EWMA span in trades; short spans chase single prints
 * @param tradeRateSeconds time constant of the trade-rate EWMA in seconds of event time
 * @param spreadWindow change pairs in Roll's covariance; small windows are noisy, large ones lag
 * @param vwapSessionSeconds VWAP session length; 86400 resets at each UTC midnight
 */
public record FeatureConfig(int candleSeconds, int emaFast, int emaSlow, int rsiPeriod, double volatilityLambda,
    int returnShort, int returnMedium, int returnLong, int flowSpan, double tradeRateSeconds, int spreadWindow,
    long vwapSessionSeconds) {

  public static final int DEFAULT_CANDLE_SECONDS = 60;
  public static final int DEFAULT_EMA_FAST = 12;
  public static final int DEFAULT_EMA_SLOW = 26;
  public static final int DEFAULT_RSI_PERIOD = 14;
  public static final double DEFAULT_VOLATILITY_LAMBDA = 0.94;
  public static final int DEFAULT_RETURN_SHORT = 5;
  public static final int DEFAULT_RETURN_MEDIUM = 20;
  public static final int DEFAULT_RETURN_LONG = 100;
  public static final int DEFAULT_FLOW_SPAN = 50;
  public static final double DEFAULT_TRADE_RATE_SECONDS = 60;
  public static final int DEFAULT_SPREAD_WINDOW = 100;
  public static final long DEFAULT_VWAP_SESSION_SECONDS = 86_400;

  public FeatureConfig {
    if (!(returnShort <= returnMedium && returnMedium <= returnLong)) {
      throw new IllegalArgumentException("return horizons must satisfy short <= medium <= long, got "
          + returnShort + ", " + returnMedium + ", " + returnLong);
    }
  }

  public static FeatureConfig defaults() {
    return new FeatureConfig(DEFAULT_CANDLE_SECONDS, DEFAULT_EMA_FAST, DEFAULT_EMA_SLOW, DEFAULT_RSI_PERIOD,
        DEFAULT_VOLATILITY_LAMBDA, DEFAULT_RETURN_SHORT, DEFAULT_RETURN_MEDIUM, DEFAULT_RETURN_LONG,
        DEFAULT_FLOW_SPAN, DEFAULT_TRADE_RATE_SECONDS, DEFAULT_SPREAD_WINDOW, DEFAULT_VWAP_SESSION_SECONDS);
  }
}
