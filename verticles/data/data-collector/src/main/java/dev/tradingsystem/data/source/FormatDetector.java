package dev.tradingsystem.data.source;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a replay file's format from its name and first lines. A header naming a time column with
 * open, high, low and close (below at most a few preamble lines) is a candle CSV, unless it is
 * Binance's klines header; then the name decides when it follows Binance's or Freqtrade's naming;
 * otherwise the content does: a header names the columns, a headerless Binance file is
 * recognised by its column count and where its boolean columns sit.
 */
public final class FormatDetector {

  private static final Pattern CAPTURE_LINE = Pattern.compile("^\\d{15,20} \\{.*");
  private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");

  private FormatDetector() {
  }

  /**
   * The format of a file.
   *
   * @param fileName the file's name (no directories)
   * @param head its first non-blank lines (may be empty)
   * @throws IllegalArgumentException when neither name nor content says
   */
  public static ReplayFormat detect(String fileName, List<String> head) {
    String first = head.isEmpty() ? "" : stripBom(head.get(0)).trim();
    if (CAPTURE_LINE.matcher(first).matches()) {
      return ReplayFormat.HFTBACKTEST;
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json") || lower.endsWith(".json.gz") || first.startsWith("[")) {
      return ReplayFormat.FREQTRADE_JSON;
    }
    int candleHeader = OhlcvCsvLayout.headerIndex(head);
    if (candleHeader >= 0 && !isBinanceKlinesHeader(head.get(candleHeader))) {
      return ReplayFormat.OHLCV_CSV;
    }
    if (fileName.contains("-aggTrades-")) {
      return ReplayFormat.BINANCE_AGGTRADES;
    }
    if (fileName.contains("-trades-")) {
      return ReplayFormat.BINANCE_TRADES;
    }
    if (fileName.contains("-bookTicker-")) {
      return ReplayFormat.BINANCE_BOOKTICKER;
    }
    if (SymbolNames.timeframeOf(fileName).isPresent()) {
      return ReplayFormat.BINANCE_KLINES;
    }
    return fromContent(first, fileName);
  }

  private static ReplayFormat fromContent(String first, String fileName) {
    String header = first.toLowerCase(Locale.ROOT).replace("\"", "");
    if (header.startsWith("id,price,qty,quote_qty,time")) {
      return ReplayFormat.BINANCE_TRADES;
    }
    if (header.startsWith("agg_trade_id,")) {
      return ReplayFormat.BINANCE_AGGTRADES;
    }
    if (header.startsWith("open_time,")) {
      return ReplayFormat.BINANCE_KLINES;
    }
    if (header.startsWith("update_id,best_bid_price")) {
      return ReplayFormat.BINANCE_BOOKTICKER;
    }
    String[] fields = first.split(",", -1);
    if (!first.isEmpty() && Character.isDigit(first.charAt(0))) {
      if (fields.length == 12) {
        return ReplayFormat.BINANCE_KLINES;
      }
      if ((fields.length == 6 || fields.length == 7) && BOOLEAN.matcher(fields[5].trim()).matches()) {
        return ReplayFormat.BINANCE_TRADES;
      }
      if ((fields.length == 7 || fields.length == 8) && BOOLEAN.matcher(fields[6].trim()).matches()) {
        return ReplayFormat.BINANCE_AGGTRADES;
      }
      if (fields.length == 7) {
        return ReplayFormat.BINANCE_BOOKTICKER;
      }
      throw new IllegalArgumentException("cannot tell the format of " + fileName
          + " from its first line; set replay.format (--format)");
    }
    return ReplayFormat.CSV;
  }

  /** Binance's own klines header names both ends of the bar; generic candle files name one instant. */
  private static boolean isBinanceKlinesHeader(String header) {
    List<String> names = OhlcvColumns.names(header);
    return names.size() >= 7 && names.get(0).equals("open_time") && names.contains("close_time");
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
