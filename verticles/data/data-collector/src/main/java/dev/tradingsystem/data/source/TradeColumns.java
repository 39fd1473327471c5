package dev.tradingsystem.data.source;

import java.util.List;
import java.util.Locale;

/**
 * Where the fields of a trade sit in a CSV row, found by header name so that files from
 * different vendors replay without a mapping file. Names are matched case-insensitively and
 * exactly (so {@code local_timestamp} is not mistaken for {@code timestamp}); the first
 * matching alias in each list wins.
 *
 * @param fieldCount number of header fields: every data row must have exactly as many
 * @param time index of the event time column
 * @param price index of the price column
 * @param size index of the size column
 * @param side index of the taker side column, or -1
 * @param symbol index of the symbol column, or -1
 * @param id index of the trade id column, or -1
 */
public record TradeColumns(int fieldCount, int time, int price, int size, int side, int symbol, int id) {

  static final List<String> TIME_NAMES = List.of("timestamp", "time", "ts");
  static final List<String> PRICE_NAMES = List.of("price");
  static final List<String> SIZE_NAMES = List.of("amount", "size", "qty", "quantity");
  static final List<String> SIDE_NAMES = List.of("side");
  static final List<String> SYMBOL_NAMES = List.of("symbol");
  static final List<String> ID_NAMES = List.of("id", "trade_id", "tid");

  /**
   * Reads a header line.
   *
   * @throws IllegalArgumentException naming the missing column when time, price or size is absent
   */
  public static TradeColumns fromHeader(String header) {
    String text = header.startsWith("\uFEFF") ? header.substring(1) : header;
    String[] names = text.split(",", -1);
    for (int i = 0; i < names.length; i++) {
      names[i] = unquote(names[i]).toLowerCase(Locale.ROOT);
    }
    return new TradeColumns(names.length,
        required(names, TIME_NAMES, header), required(names, PRICE_NAMES, header), required(names, SIZE_NAMES, header),
        find(names, SIDE_NAMES), find(names, SYMBOL_NAMES), find(names, ID_NAMES));
  }

  /** Trims blanks and one pair of surrounding double quotes. */
  static String unquote(String field) {
    String trimmed = field.trim();
    if (trimmed.length() >= 2 && trimmed.charAt(0) == '"' && trimmed.charAt(trimmed.length() - 1) == '"') {
      return trimmed.substring(1, trimmed.length() - 1).trim();
    }
    return trimmed;
  }

  private static int required(String[] names, List<String> aliases, String header) {
    int index = find(names, aliases);
    if (index < 0) {
      throw new IllegalArgumentException("CSV header '" + header + "' has no column named any of " + aliases);
    }
    return index;
  }

  private static int find(String[] names, List<String> aliases) {
    for (String alias : aliases) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(alias)) {
          return i;
        }
      }
    }
    return -1;
  }
}
