package dev.tradingsystem.agents.deepseek;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;

/**
 * Parameters of the built-in momentum model ({@code agents.deepseek.*}).
 *
 * @param entryThreshold    |score| above which the agent leans LONG or SHORT. Lower trades more
 *                          often on weaker evidence; higher waits for clean, agreeing trends.
 * @param returnShortTicks  tick horizon of the features' {@code return_short}; it scales the
 *                          return into a z-score, so it must match the data-collector's setting
 *                          ({@code features} defaults 5/20/100). A mismatch only rescales scores.
 * @param returnMediumTicks tick horizon of {@code return_medium}
 * @param returnLongTicks   tick horizon of {@code return_long}
 * @param horizonSec        how long a signal is meant to hold. Short suits tick momentum, which
 *                          decays within minutes; longer horizons need the long-return weight.
 * @param rsiOverbought     RSI above which a LONG is damped (fully at 100): buying into an
 *                          exhausted move is where momentum loses most. Higher damps less often.
 * @param rsiOversold       RSI below which a SHORT is damped (fully at 0)
 */
public record MomentumConfig(
    double entryThreshold,
    int returnShortTicks,
    int returnMediumTicks,
    int returnLongTicks,
    int horizonSec,
    double rsiOverbought,
    double rsiOversold) {

  public static final double DEFAULT_ENTRY_THRESHOLD = 0.35;
  public static final int DEFAULT_RETURN_SHORT_TICKS = 5;
  public static final int DEFAULT_RETURN_MEDIUM_TICKS = 20;
  public static final int DEFAULT_RETURN_LONG_TICKS = 100;
  public static final int DEFAULT_HORIZON_SEC = 60;
  public static final double DEFAULT_RSI_OVERBOUGHT = 70;
  public static final double DEFAULT_RSI_OVERSOLD = 30;

  private static final String PREFIX = "agents.deepseek.";

  public static MomentumConfig defaults() {
    return new MomentumConfig(DEFAULT_ENTRY_THRESHOLD, DEFAULT_RETURN_SHORT_TICKS, DEFAULT_RETURN_MEDIUM_TICKS,
        DEFAULT_RETURN_LONG_TICKS, DEFAULT_HORIZON_SEC, DEFAULT_RSI_OVERBOUGHT, DEFAULT_RSI_OVERSOLD);
  }

  public static MomentumConfig from(ConfigReader config) {
    int shortTicks = config.integer(PREFIX + "returnShortTicks", DEFAULT_RETURN_SHORT_TICKS, 1, 100_000);
    int mediumTicks = config.integer(PREFIX + "returnMediumTicks", DEFAULT_RETURN_MEDIUM_TICKS, 1, 100_000);
    int longTicks = config.integer(PREFIX + "returnLongTicks", DEFAULT_RETURN_LONG_TICKS, 1, 100_000);
    if (!(shortTicks <= mediumTicks && mediumTicks <= longTicks)) {
      throw new ConfigException(PREFIX + "returnMediumTicks", "horizons must satisfy short <= medium <= long, got "
          + shortTicks + ", " + mediumTicks + ", " + longTicks);
    }
    double overbought = config.decimal(PREFIX + "rsiOverbought", DEFAULT_RSI_OVERBOUGHT, 50, 99);
    double oversold = config.decimal(PREFIX + "rsiOversold", DEFAULT_RSI_OVERSOLD, 1, 50);
    return new MomentumConfig(
        config.decimal(PREFIX + "entryThreshold", DEFAULT_ENTRY_THRESHOLD, 0.01, 1.0),
        shortTicks, mediumTicks, longTicks,
        config.integer(PREFIX + "horizonSec", DEFAULT_HORIZON_SEC, 1, 86_400),
        overbought, oversold);
  }
}
