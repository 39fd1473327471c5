package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.shared.config.ConfigReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the arbitrage scan gets its costs and how far it trusts a quote ({@code agents.qwen.fees.*},
 * {@code agents.qwen.arbitrage.*}).
 *
 * @param takerFeeBps        taker fee per venue, {@code agents.qwen.fees.<venue>} (bps, e.g.
 *                           {@code agents.qwen.fees.binance=10}). Every arbitrage leg crosses the
 *                           spread, so this is what closing a gap costs; too low a fee shows
 *                           gaps nobody can take, too high hides real ones. Venues are
 *                           matched in lower case; an environment variable
 *                           ({@code TRADING_AGENTS_QWEN_FEES_BINANCE}) overrides a venue listed in
 *                           the config file.
 * @param defaultTakerFeeBps {@code agents.qwen.fees.default}: the fee of every venue not listed.
 *                           {@value #DEFAULT_TAKER_FEE_BPS} bps is a retail spot taker rate at the
 *                           large venues (Binance 10, Kraken 25-40, Coinbase 60 at the lowest tier),
 *                           so the default is the optimistic end: list your venues.
 * @param maxQuoteAgeMs      {@code agents.qwen.arbitrage.maxQuoteAgeMs}: a quote older than this
 *                           (by event time, against the analysed event) is ignored. Crypto tops
 *                           move many times a second; an old quote shows gaps that closed long
 *                           ago, a very short limit ignores quiet but valid books.
 * @param historyPerBook     {@code agents.qwen.arbitrage.historyPerBook}: quotes kept per book so
 *                           a question "as of event time T" has a stable answer when later
 *                           quotes arrive first. Memory is books times this.
 */
public record ArbitrageConfig(
    Map<String, Double> takerFeeBps,
    double defaultTakerFeeBps,
    long maxQuoteAgeMs,
    int historyPerBook) {

  public static final double DEFAULT_TAKER_FEE_BPS = 10.0;
  public static final long DEFAULT_MAX_QUOTE_AGE_MS = 1_000;
  public static final int DEFAULT_HISTORY_PER_BOOK = 64;
  /** The key under {@code agents.qwen.fees} that is the default rate, not a venue. */
  public static final String DEFAULT_VENUE_KEY = "default";

  private static final String FEES = "agents.qwen.fees";
  private static final String PREFIX = "agents.qwen.arbitrage.";
  private static final double MAX_FEE_BPS = 1_000;

  public ArbitrageConfig {
    takerFeeBps = Map.copyOf(takerFeeBps);
  }

  public static ArbitrageConfig defaults() {
    return new ArbitrageConfig(Map.of(), DEFAULT_TAKER_FEE_BPS, DEFAULT_MAX_QUOTE_AGE_MS, DEFAULT_HISTORY_PER_BOOK);
  }

  public static ArbitrageConfig from(ConfigReader config) {
    Map<String, Double> fees = new TreeMap<>();
    for (String venue : config.object(FEES).fieldNames()) {
      if (!DEFAULT_VENUE_KEY.equals(venue)) {
        fees.put(VenueQuote.venueName(venue),
            config.decimal(FEES + "." + venue, DEFAULT_TAKER_FEE_BPS, 0.0, MAX_FEE_BPS));
      }
    }
    return new ArbitrageConfig(fees,
        config.decimal(FEES + "." + DEFAULT_VENUE_KEY, DEFAULT_TAKER_FEE_BPS, 0.0, MAX_FEE_BPS),
        config.integer(PREFIX + "maxQuoteAgeMs", DEFAULT_MAX_QUOTE_AGE_MS, 1L, 3_600_000L),
        config.integer(PREFIX + "historyPerBook", DEFAULT_HISTORY_PER_BOOK, 1, 100_000));
  }

  public FeeSchedule fees() {
    return new FeeSchedule(takerFeeBps, defaultTakerFeeBps);
  }

  public long maxQuoteAgeUs() {
    return maxQuoteAgeMs * 1_000;
  }
}
