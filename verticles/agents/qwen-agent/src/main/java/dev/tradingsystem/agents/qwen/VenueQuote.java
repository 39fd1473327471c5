package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Locale;
import java.util.Optional;

/**
 * The best bid and offer of one symbol on one venue at one event time, in prices of the quote
 * currency (doubles: this feeds a model, not the order path).
 *
 * @param venue       exchange name, lower case ({@code binance})
 * @param symbol      CCXT {@code BASE/QUOTE}
 * @param bid         best bid price
 * @param bidSize     size at the best bid, in base units
 * @param ask         best ask price
 * @param askSize     size at the best ask, in base units
 * @param eventTimeUs exchange time of the quote, microseconds since the epoch
 */
public record VenueQuote(String venue, String symbol, double bid, double bidSize, double ask, double askSize,
    long eventTimeUs) {

  /** The canonical venue name: trimmed, lower case; venues are config keys ({@code agents.qwen.fees.<venue>}). */
  public static String venueName(String venue) {
    return venue == null ? "" : venue.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Why this quote cannot be used, if it cannot: a quote that is not executable on both sides
   * (missing, non-finite or non-positive price or size) or that is crossed or locked
   * ({@code bid >= ask}, which no consistent venue shows) would make every edge computed from it
   * fiction.
   */
  public Optional<Rejection> problem() {
    if (venue == null || venue.isBlank()) {
      return reject("missing_venue", "quote for " + symbol + " names no venue");
    }
    if (!Instruments.isValidSymbol(symbol)) {
      return reject("invalid_symbol", "'" + symbol + "' on " + venue + " is not a BASE/QUOTE symbol");
    }
    if (eventTimeUs <= 0) {
      return reject("missing_event_time", "quote for " + book() + " has no event time");
    }
    if (!Double.isFinite(bid) || !Double.isFinite(ask)) {
      return reject("non_finite_price", book() + " bid " + bid + " ask " + ask);
    }
    if (bid <= 0 || ask <= 0) {
      return reject("non_positive_price", book() + " bid " + bid + " ask " + ask);
    }
    if (!Double.isFinite(bidSize) || !Double.isFinite(askSize) || bidSize < 0 || askSize < 0) {
      return reject("invalid_size", book() + " bid size " + bidSize + " ask size " + askSize);
    }
    if (bidSize == 0 || askSize == 0) {
      return reject("empty_side", book() + " has nothing to trade on one side");
    }
    if (bid >= ask) {
      return reject("crossed_quote", book() + " bid " + bid + " >= ask " + ask);
    }
    return Optional.empty();
  }

  /** {@code venue:symbol}, the key of this quote's book. */
  public String book() {
    return venue + ":" + symbol;
  }

  private static Optional<Rejection> reject(String reason, String message) {
    return Optional.of(new Rejection(reason, message));
  }
}
