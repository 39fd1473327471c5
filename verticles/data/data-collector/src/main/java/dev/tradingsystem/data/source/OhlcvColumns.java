package dev.tradingsystem.data.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the fields of a candle sit in a CSV row, found by header name. Names are compared after
 * lower-casing and turning every run of other characters into one underscore, so {@code Date},
 * {@code Volume BTC}, {@code Volume_(BTC)} and {@code volume_btc} read alike; the first alias
 * in each list that the header has wins, and other columns are ignored.
 *
 * <p>Volume is required: a bar without it cannot be split into prints that fill orders. Files
 * that carry volume in base and in quote currency ({@code volume_btc,volume} in
 * CryptoDataDownload files, {@code Volume_(BTC),Volume_(Currency)} on Kaggle) are read in the
 * base asset when the symbol is known, because sizes on the order path are base quantities.
 *
 * @param fieldCount number of header fields: every data row must have exactly as many
 * @param symbol index of a symbol column, or -1
 */
record OhlcvColumns(int fieldCount, int time, int open, int high, int low, int close, int volume, int symbol) {

  static final List<String> TIME_NAMES = List.of("timestamp", "time", "date", "datetime", "open_time", "ts", "unix");
  static final List<String> OPEN_NAMES = List.of("open", "o");
  static final List<String> HIGH_NAMES = List.of("high", "h");
  static final List<String> LOW_NAMES = List.of("low", "l");
  static final List<String> CLOSE_NAMES = List.of("close", "c");
  static final List<String> VOLUME_NAMES = List.of("volume", "vol", "v");
  static final List<String> SYMBOL_NAMES = List.of("symbol", "pair", "ticker");

  /** Whether a line is a candle header: a time column and open, high, low and close. */
  static boolean isHeader(String line) {
    List<String> names = names(line);
    return find(names, TIME_NAMES) >= 0 && find(names, OPEN_NAMES) >= 0 && find(names, HIGH_NAMES) >= 0
        && find(names, LOW_NAMES) >= 0 && find(names, CLOSE_NAMES) >= 0;
  }

  /** The symbol column of a header, or -1. */
  static int symbolColumn(String header) {
    return find(names(header), SYMBOL_NAMES);
  }

  /**
   * Reads a header.
   *
   * @param baseAsset the instrument's base asset ({@code BTC}), or null when not known yet
   * @throws IllegalArgumentException naming the missing column and the columns found
   */
  static OhlcvColumns fromHeader(String header, String baseAsset) {
    List<String> names = names(header);
    int volume = -1;
    if (baseAsset != null) {
      String base = normalize(baseAsset);
      volume = find(names, List.of("volume_" + base, "vol_" + base, base + "_volume"));
    }
    if (volume < 0) {
      volume = find(names, VOLUME_NAMES);
    }
    if (volume < 0) {
      throw new IllegalArgumentException("no volume column (" + String.join("|", VOLUME_NAMES)
          + (baseAsset == null ? "" : "|volume_" + normalize(baseAsset)) + "): a bar without volume cannot fill orders");
    }
    return new OhlcvColumns(names.size(), required(names, TIME_NAMES, "time"), required(names, OPEN_NAMES, "open"),
        required(names, HIGH_NAMES, "high"), required(names, LOW_NAMES, "low"), required(names, CLOSE_NAMES, "close"),
        volume, find(names, SYMBOL_NAMES));
  }

  /** The highest column index a row must reach. */
  int lastUsed() {
    return Math.max(Math.max(Math.max(time, open), Math.max(high, low)), Math.max(Math.max(close, volume), symbol));
  }

  static List<String> names(String header) {
    String[] raw = FormatDetector.stripBom(header).split(",", -1);
    List<String> names = new ArrayList<>(raw.length);
    for (String name : raw) {
      names.add(normalize(TradeColumns.unquote(name)));
    }
    return names;
  }

  /** Lower case, every run of characters other than letters and digits one underscore, none at the ends. */
  static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    int from = 0;
    int to = lower.length();
    while (from < to && lower.charAt(from) == '_') {
      from++;
    }
    while (to > from && lower.charAt(to - 1) == '_') {
      to--;
    }
    return lower.substring(from, to);
  }

  private static int required(List<String> names, List<String> aliases, String what) {
    int index = find(names, aliases);
    if (index < 0) {
      throw new IllegalArgumentException("no " + what + " column (" + String.join("|", aliases) + ")");
    }
    return index;
  }

  private static int find(List<String> names, List<String> aliases) {
    for (String alias : aliases) {
      int index = names.indexOf(alias);
      if (index >= 0) {
        return index;
      }
    }
    return -1;
  }
}
