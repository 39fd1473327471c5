package dev.tradingsystem.data.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Symbols from venue spellings and file names, in CCXT notation ({@code BASE/QUOTE}). Binance
 * glues base and quote together ({@code ETHUSDT}), so the split relies on the quote assets it
 * lists markets in; the longest matching suffix wins ({@code FDUSD} before {@code USD}).
 */
public final class SymbolNames {

  /** Binance quote assets, longest first so that a longer one is tried before its suffix. */
  static final List<String> BINANCE_QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "DAI",
      "EUR", "TRY", "BRL", "GBP", "BTC", "ETH", "BNB", "USD");

  /** {@code ETHUSDT-trades-2024-08-09.csv}, {@code BTCUSDT-1m-2024-08.zip}, {@code ETHUSDT-bookTicker-...}. */
  private static final Pattern BINANCE_FILE = Pattern.compile("^([A-Z0-9]{4,20})-(trades|aggTrades|bookTicker|\\d+[smhdwM])-\\d{4}-\\d{2}.*");
  /** Freqtrade: {@code BTC_USDT-1m.json}, {@code BTC_USDT_USDT-1h-futures.json}. */
  private static final Pattern FREQTRADE_FILE = Pattern.compile("^([A-Z0-9]+)_([A-Z0-9]+)(?:_[A-Z0-9]+)?-(\\d+[smhdwM])(?:-[a-z]+)?\\.json(?:\\.gz)?$");
  /** hftbacktest captures: {@code btcusdt_20240808.gz}, {@code btcusd_perp_20240808.gz}. */
  private static final Pattern CAPTURE_FILE = Pattern.compile("^([a-z0-9]+?)(_perp)?_\\d{8}\\..*");

  private SymbolNames() {
  }

  /** {@code ETHUSDT} to {@code ETH/USDT}; empty when no known quote asset ends the name. */
  public static Optional<String> fromBinance(String venueSymbol) {
    String s = venueSymbol.toUpperCase(Locale.ROOT);
    for (String quote : BINANCE_QUOTES) {
      if (s.endsWith(quote) && s.length() > quote.length() + 1) {
        return Optional.of(s.substring(0, s.length() - quote.length()) + "/" + quote);
      }
    }
    return Optional.empty();
  }

  /** The CCXT symbol a Binance, Freqtrade or hftbacktest file name implies, if any. */
  public static Optional<String> fromFileName(String fileName) {
    Matcher binance = BINANCE_FILE.matcher(fileName);
    if (binance.matches()) {
      return fromBinance(binance.group(1));
    }
    Matcher freqtrade = FREQTRADE_FILE.matcher(fileName);
    if (freqtrade.matches()) {
      return Optional.of(freqtrade.group(1) + "/" + freqtrade.group(2));
    }
    Matcher capture = CAPTURE_FILE.matcher(fileName);
    if (capture.matches()) {
      return fromBinance(capture.group(1));
    }
    return Optional.empty();
  }

  /**
   * The CCXT symbol a free-form file name suggests ({@code Coinbase_BTCUSD_1h.csv},
   * {@code BTC_USDT_1h.csv}, {@code eth-usd-daily.csv}), after the venue namings of
   * {@link #fromFileName}: two adjacent tokens {@code BASE} and a known quote asset (the rightmost
   * such pair), else one token that ends in a quote asset. Empty when nothing in the name looks like a market.
   */
  public static Optional<String> fromLooseFileName(String fileName) {
    Optional<String> strict = fromFileName(fileName);
    if (strict.isPresent()) {
      return strict;
    }
    String stem = fileName.replaceFirst("(?i)(\\.(csv|txt|tsv))?(\\.(gz|zip))?$", "");
    String[] tokens = stem.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+");
    // Right to left: in open_BTC_USDT the market is BTC/USDT, not OPEN/BTC.
    for (int i = tokens.length - 2; i >= 0; i--) {
      if (isAsset(tokens[i]) && BINANCE_QUOTES.contains(tokens[i + 1]) && !tokens[i].equals(tokens[i + 1])) {
        return Optional.of(tokens[i] + "/" + tokens[i + 1]);
      }
    }
    for (String token : tokens) {
      Optional<String> glued = token.length() <= 14 ? fromBinance(token) : Optional.empty();
      if (glued.isPresent() && isAsset(glued.get().substring(0, glued.get().indexOf('/')))) {
        return glued;
      }
    }
    return Optional.empty();
  }

  /**
   * A symbol as a data column spells it: {@code BTC/USD}, {@code BTC-USD}, {@code btc_usdt},
   * {@code BTCUSD} (split at the quote asset); empty when it cannot be split.
   */
  public static Optional<String> fromAnySpelling(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    String[] parts = t.split("[/_\\-:]");
    if (parts.length == 2 && isAsset(parts[0]) && parts[1].matches("[A-Z0-9]{2,10}")) {
      return Optional.of(parts[0] + "/" + parts[1]);
    }
    return parts.length == 1 ? fromBinance(t) : Optional.empty();
  }

  /** 2 to 10 letters and digits, at least one a letter: {@code BTC}, {@code 1INCH}; not {@code 2024}. */
  private static boolean isAsset(String token) {
    return token.matches("[A-Z0-9]{2,10}") && token.chars().anyMatch(Character::isLetter);
  }

  /** Seconds of a timeframe such as {@code 1m}, {@code 4h}, {@code 1d}, {@code 1w}, {@code 1M} (30 days); empty if not one. */
  public static Optional<Integer> timeframeSeconds(String timeframe) {
    Matcher m = Pattern.compile("^(\\d+)([smhdwM])$").matcher(timeframe);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    long unit = switch (m.group(2)) {
      case "s" -> 1;
      case "m" -> 60;
      case "h" -> 3_600;
      case "d" -> 86_400;
      case "w" -> 7 * 86_400;
      default -> 30 * 86_400;
    };
    long seconds = n * unit;
    return seconds > 0 && seconds <= Integer.MAX_VALUE ? Optional.of((int) seconds) : Optional.empty();
  }

  /** The timeframe part of a Binance klines or Freqtrade file name ({@code 1m}), if any. */
  public static Optional<String> timeframeOf(String fileName) {
    Matcher binance = BINANCE_FILE.matcher(fileName);
    if (binance.matches() && Character.isDigit(binance.group(2).charAt(0))) {
      return Optional.of(binance.group(2));
    }
    Matcher freqtrade = FREQTRADE_FILE.matcher(fileName);
    if (freqtrade.matches()) {
      return Optional.of(freqtrade.group(3));
    }
    return Optional.empty();
  }
}
