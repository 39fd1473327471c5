package dev.tradingsystem.data.source;

import java.util.Locale;

/**
 * The replay file formats, named as in config ({@code replay.format}) and on the command line
 * ({@code --format}). {@link #AUTO} detects the format from the file name and its first line.
 */
public enum ReplayFormat {
  AUTO("auto"),
  /** The bundled Bitstamp trades: {@code timestamp,price,amount} (same reader as {@link #CSV}). */
  BITSTAMP_CSV("bitstamp-csv"),
  /** A plain trade CSV with a header naming time, price, size (and optionally side, symbol, id). */
  CSV("csv"),
  /** Binance public data {@code <SYMBOL>-trades-<date>.csv}. */
  BINANCE_TRADES("binance-trades"),
  /** Binance public data {@code <SYMBOL>-aggTrades-<date>.csv}. */
  BINANCE_AGGTRADES("binance-aggtrades"),
  /** Binance public data {@code <SYMBOL>-<interval>-<date>.csv} klines. */
  BINANCE_KLINES("binance-klines"),
  /** Binance public data {@code <SYMBOL>-bookTicker-<date>.csv}. */
  BINANCE_BOOKTICKER("binance-bookticker"),
  /** Freqtrade candle files {@code <BASE>_<QUOTE>-<timeframe>.json}: {@code [[ts_ms,o,h,l,c,v],...]}. */
  FREQTRADE_JSON("freqtrade-json"),
  /** hftbacktest raw captures: gzip lines {@code <local_ns> <Binance stream JSON>}. */
  HFTBACKTEST("hftbacktest"),
  /**
   * Any candle CSV whose header names a time column and open, high, low, close and volume
   * (ccxt/pandas dumps, NautilusTrader test data, Kaggle, TradingView, CryptoDataDownload).
   */
  OHLCV_CSV("ohlcv-csv");

  private final String configName;

  ReplayFormat(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /**
   * Reads a config value.
   *
   * @throws IllegalArgumentException listing the accepted names
   */
  public static ReplayFormat parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (ReplayFormat format : values()) {
      if (format.configName.equals(t)) {
        return format;
      }
    }
    StringBuilder names = new StringBuilder();
    for (ReplayFormat format : values()) {
      names.append(names.length() == 0 ? "" : "|").append(format.configName);
    }
    throw new IllegalArgumentException("unknown format '" + text + "', expected one of " + names);
  }

  @Override
  public String toString() {
    return configName;
  }
}
