package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.Instrument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the head of a candle CSV says before it is replayed: where the header is (vendor preamble
 * lines above it are skipped), its columns, the instrument, the bar interval and whether the
 * rows run backwards in time.
 *
 * <p>The interval is {@code replay.interval}, else the file name's ({@code _1m}, {@code -1h-},
 * {@code -PT5M-}), else the smallest gap between the first rows: gaps larger than one bar are
 * missing bars, which are normal, but no gap is smaller than a bar.
 *
 * @param preambleLines non-blank lines above the header
 * @param columns where open, high, low, close, volume and time sit
 * @param instrument symbol, venue and scales
 * @param intervalSec bar length in seconds
 * @param barTime which instant of the bar the time column names
 * @param descending whether the file lists its newest bar first (CryptoDataDownload does)
 */
record OhlcvCsvLayout(int preambleLines, OhlcvColumns columns, Instrument instrument, int intervalSec,
    BarTime barTime, boolean descending) {

  /** Non-blank lines searched for the header: vendor preambles are a line or two. */
  static final int MAX_PREAMBLE_LINES = 5;
  /** Rows whose time gaps decide the interval: enough to find one gap without a missing bar. */
  static final int INTERVAL_PROBE_ROWS = 100;

  /**
   * Reads the layout from the first lines of a file.
   *
   * @param head the first non-blank lines ({@link DataFiles#head})
   * @throws IOException naming the file when it has no usable header, no symbol or no interval
   */
  static OhlcvCsvLayout of(String location, List<String> head, SourceSettings settings) throws IOException {
    String fileName = DataFiles.fileName(location);
    int headerIndex = headerIndex(head);
    if (headerIndex < 0) {
      throw new IOException(location + " has no candle header (a time column with open, high, low and close) in its first "
          + MAX_PREAMBLE_LINES + " lines" + (head.isEmpty() ? "; it is empty" : "; it starts with '" + head.get(0) + "'"));
    }
    String header = head.get(headerIndex);
    List<String[]> rows = new ArrayList<>();
    for (String line : head.subList(headerIndex + 1, head.size())) {
      rows.add(line.split(",", -1));
    }
    int symbolColumn = OhlcvColumns.symbolColumn(header);
    String symbol = settings.symbol() != null ? settings.symbol()
        : SymbolNames.fromLooseFileName(fileName).or(() -> symbolInColumn(rows, symbolColumn)).orElseThrow(() ->
            new IOException("cannot tell the symbol of " + location + " from its name or data; set replay.symbol (--symbol),"
                + " e.g. BTC/USDT"));
    OhlcvColumns columns;
    try {
      columns = OhlcvColumns.fromHeader(header, symbol.indexOf('/') > 0 ? symbol.substring(0, symbol.indexOf('/')) : null);
    } catch (IllegalArgumentException e) {
      throw new IOException(location + ": " + e.getMessage() + "; columns found: " + OhlcvColumns.names(header), e);
    }
    List<Long> times = times(rows, columns);
    int intervalSec = settings.intervalSec() > 0 ? settings.intervalSec()
        : CandleTimes.intervalFromFileName(fileName).or(() -> smallestGapSec(times)).orElseThrow(() ->
            new IOException("cannot tell the bar interval of " + location + " from its name or its first rows;"
                + " set replay.interval, e.g. 1m"));
    int priceScale = settings.priceScale() >= 0 ? settings.priceScale()
        : scale(rows, columns.open(), columns.high(), columns.low(), columns.close());
    int sizeScale = settings.sizeScale() >= 0 ? settings.sizeScale() : scale(rows, columns.volume());
    Instrument instrument = MarketSources.instrument(symbol, settings.venue() != null ? settings.venue()
        : MarketSources.venueIn(location).orElse("unknown"), priceScale, sizeScale);
    return new OhlcvCsvLayout(headerIndex, columns, instrument, intervalSec, settings.barTime(), descending(times));
  }

  /**
   * The first line that names the candle columns, or -1. Only a preamble may stand above it: a
   * line that starts like data (a digit) ends the search, so a headerless file is never read as
   * one whose header comes later.
   */
  static int headerIndex(List<String> head) {
    for (int i = 0; i < Math.min(head.size(), MAX_PREAMBLE_LINES + 1); i++) {
      String line = FormatDetector.stripBom(head.get(i)).trim();
      if (OhlcvColumns.isHeader(line)) {
        return i;
      }
      if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
        return -1;
      }
    }
    return -1;
  }

  private static Optional<String> symbolInColumn(List<String[]> rows, int column) {
    if (column < 0) {
      return Optional.empty();
    }
    return rows.stream().filter(r -> column < r.length).findFirst()
        .flatMap(r -> SymbolNames.fromAnySpelling(TradeColumns.unquote(r[column])));
  }

  /** Event times of the probed rows that parse, in file order. */
  private static List<Long> times(List<String[]> rows, OhlcvColumns columns) {
    List<Long> times = new ArrayList<>();
    for (String[] row : rows) {
      if (columns.time() < row.length) {
        try {
          times.add(CandleTimes.parseMicros(TradeColumns.unquote(row[columns.time()])));
        } catch (Refusal unreadable) {
          // a bad row says nothing about the layout; it is refused when it is replayed
        }
      }
    }
    return times;
  }

  private static Optional<Integer> smallestGapSec(List<Long> times) {
    long smallest = Long.MAX_VALUE;
    for (int i = 1; i < Math.min(times.size(), INTERVAL_PROBE_ROWS); i++) {
      long gap = Math.abs(times.get(i) - times.get(i - 1));
      if (gap > 0) {
        smallest = Math.min(smallest, gap);
      }
    }
    // Candle.interval_sec counts whole seconds; sub-second bars replay as one-second bars.
    return smallest == Long.MAX_VALUE ? Optional.empty()
        : Optional.of((int) Math.min(Integer.MAX_VALUE, Math.max(1, smallest / 1_000_000)));
  }

  /** Backwards when more of the probed steps go back in time than forward. */
  private static boolean descending(List<Long> times) {
    int back = 0;
    int forward = 0;
    for (int i = 1; i < times.size(); i++) {
      long step = times.get(i) - times.get(i - 1);
      if (step < 0) {
        back++;
      } else if (step > 0) {
        forward++;
      }
    }
    return back > forward;
  }

  /**
   * The most decimals the probed rows print in the given columns, at most 8 (no crypto venue
   * quotes finer): pandas and spreadsheet dumps print float noise such as {@code 218102.59507500002},
   * and honouring its 11 decimals would overflow fixed point on large volumes. A row printing
   * more than 8 is refused {@code excess_precision}, never rounded; {@code replay.priceScale} /
   * {@code replay.sizeScale} override.
   */
  private static int scale(List<String[]> rows, int... columns) {
    int scale = -1;
    for (String[] row : rows) {
      for (int column : columns) {
        if (column < row.length && !row[column].isBlank()) {
          scale = Math.max(scale, Fields.printedDecimals(TradeColumns.unquote(row[column])));
        }
      }
    }
    return scale < 0 ? MarketSources.DEFAULT_CRYPTO_SCALE : Math.min(scale, MarketSources.DEFAULT_CRYPTO_SCALE);
  }
}
