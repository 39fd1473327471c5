package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.shared.config.ConfigReader;

/**
 * Parameters of the built-in sentiment model ({@code agents.fingpt.*}).
 *
 * @param windowSec          news older than this (by event time) is forgotten. Longer windows
 *                           give more evidence but let stale stories drive today's signal.
 * @param halfLifeSec        age at which a headline counts half; the decay inside the window.
 * @param headlineThreshold  |score| above which a single headline is bullish/bearish rather
 *                           than neutral (also the classifier's threshold in the evaluation).
 * @param entryThreshold     |aggregate sentiment| above which the agent leans LONG or SHORT.
 *                           Higher needs more, or more one-sided, news.
 * @param horizonSec         how long a news-driven view holds; headlines move prices for hours.
 * @param maxItemsPerSymbol  memory bound per symbol; beyond it the oldest items are dropped.
 * @param marketWideWeight   weight of news that names no symbol (macro headlines) relative to
 *                           news about the symbol itself; 0 ignores it.
 */
public record SentimentConfig(
    long windowSec,
    long halfLifeSec,
    double headlineThreshold,
    double entryThreshold,
    int horizonSec,
    int maxItemsPerSymbol,
    double marketWideWeight) {

  public static final long DEFAULT_WINDOW_SEC = 6 * 3_600;
  public static final long DEFAULT_HALF_LIFE_SEC = 3_600;
  public static final double DEFAULT_HEADLINE_THRESHOLD = 0.2;
  public static final double DEFAULT_ENTRY_THRESHOLD = 0.25;
  public static final int DEFAULT_HORIZON_SEC = 3_600;
  public static final int DEFAULT_MAX_ITEMS_PER_SYMBOL = 256;
  public static final double DEFAULT_MARKET_WIDE_WEIGHT = 0.5;

  private static final String PREFIX = "agents.fingpt.";

  public static SentimentConfig defaults() {
    return new SentimentConfig(DEFAULT_WINDOW_SEC, DEFAULT_HALF_LIFE_SEC, DEFAULT_HEADLINE_THRESHOLD,
        DEFAULT_ENTRY_THRESHOLD, DEFAULT_HORIZON_SEC, DEFAULT_MAX_ITEMS_PER_SYMBOL, DEFAULT_MARKET_WIDE_WEIGHT);
  }

  public static SentimentConfig from(ConfigReader config) {
    return new SentimentConfig(
        config.integer(PREFIX + "windowSec", DEFAULT_WINDOW_SEC, 60L, 30L * 86_400),
        config.integer(PREFIX + "halfLifeSec", DEFAULT_HALF_LIFE_SEC, 1L, 30L * 86_400),
        config.decimal(PREFIX + "headlineThreshold", DEFAULT_HEADLINE_THRESHOLD, 0.0, 0.99),
        config.decimal(PREFIX + "entryThreshold", DEFAULT_ENTRY_THRESHOLD, 0.01, 1.0),
        config.integer(PREFIX + "horizonSec", DEFAULT_HORIZON_SEC, 1, 7 * 86_400),
        config.integer(PREFIX + "maxItemsPerSymbol", DEFAULT_MAX_ITEMS_PER_SYMBOL, 1, 100_000),
        config.decimal(PREFIX + "marketWideWeight", DEFAULT_MARKET_WIDE_WEIGHT, 0.0, 1.0));
  }
}
