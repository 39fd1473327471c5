package dev.tradingsystem.data.source;

import dev.tradingsystem.proto.Instrument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a replay file as a {@link MarketDataSource}: settles the format (config or detection),
 * the symbol (config, Binance/Freqtrade file naming, or the data's own {@code "s"} field), and the
 * fixed-point scales (config, or the most decimals the first rows print: Binance prints every
 * price and quantity with its market's full precision, e.g. {@code 61837.63000000}).
 */
public final class MarketSources {

  /** Rows read to find the scales; Binance prints a fixed number of decimals, so a few suffice. */
  static final int PROBE_LINES = 1_000;
  /** Decimals for sources that print no fixed precision (Freqtrade's JSON floats). */
  static final int DEFAULT_CRYPTO_SCALE = 8;
  static final int MAX_SCALE = 12;
  private static final Pattern LEVEL_PAIR = Pattern.compile("\\[\"(\\d+(?:\\.\\d*)?)\",\"(\\d+(?:\\.\\d*)?)\"\\]");
  private static final Pattern STREAM_SYMBOL = Pattern.compile("\"s\":\"([A-Z0-9]+)\"");

  /** Exchange folder names Freqtrade uses; any other parent folder is not taken for a venue. */
  private static final java.util.Set<String> KNOWN_VENUES = java.util.Set.of("binance", "binanceus", "binanceusdm",
      "bitget", "bitmart", "bitstamp", "bybit", "coinbase", "gate", "gateio", "htx", "hyperliquid", "kraken", "kucoin",
      "okx");

  private MarketSources() {
  }

  /**
   * Opens a source. Blocking (reads the head of the file, and counts its lines for progress).
   *
   * @throws IOException when the file is missing or unreadable, or its format or symbol cannot be told
   */
  public static MarketDataSource open(String location, SourceSettings settings) throws IOException {
    List<String> head = DataFiles.head(location, PROBE_LINES);
    String fileName = DataFiles.fileName(location);
    ReplayFormat format = settings.format();
    if (format == ReplayFormat.AUTO) {
      try {
        format = FormatDetector.detect(fileName, head);
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    double jump = settings.maxPriceJump();
    int namedInterval = SymbolNames.timeframeOf(fileName).flatMap(SymbolNames::timeframeSeconds).orElse(0);
    return switch (format) {
      case AUTO, CSV, BITSTAMP_CSV -> new PlainCsvSource(location, format == ReplayFormat.AUTO ? ReplayFormat.CSV : format,
          settings.plainCsvInstrument(), jump);
      case BINANCE_TRADES -> new BinanceTradeCsvSource(location, BinanceTradeCsvSource.Layout.TRADES,
          instrument(settings, location, head, "binance", csvScale(head, 1), csvScale(head, 2)), jump);
      case BINANCE_AGGTRADES -> new BinanceTradeCsvSource(location, BinanceTradeCsvSource.Layout.AGG_TRADES,
          instrument(settings, location, head, "binance", csvScale(head, 1), csvScale(head, 2)), jump);
      case BINANCE_KLINES -> new BinanceKlinesCsvSource(location,
          instrument(settings, location, head, "binance", csvScale(head, 1, 2, 3, 4), csvScale(head, 5)), jump, namedInterval);
      case BINANCE_BOOKTICKER -> new BinanceBookTickerCsvSource(location,
          instrument(settings, location, head, "binance", csvScale(head, 1, 3), csvScale(head, 2, 4)), jump);
      case FREQTRADE_JSON -> new FreqtradeJsonSource(location,
          instrument(settings, location, head, freqtradeVenue(location), DEFAULT_CRYPTO_SCALE, DEFAULT_CRYPTO_SCALE),
          jump, namedInterval);
      case HFTBACKTEST -> new HftBacktestSource(location,
          instrument(settings, location, head, "binance", levelScale(head, 1), levelScale(head, 2)), jump);
      case OHLCV_CSV -> new OhlcvCsvSource(location, OhlcvCsvLayout.of(location, head, settings), jump);
    };
  }

  private static Instrument instrument(SourceSettings settings, String location, List<String> head, String venue,
      int priceScale, int sizeScale) throws IOException {
    String symbol = settings.symbol();
    if (symbol == null) {
      symbol = SymbolNames.fromFileName(DataFiles.fileName(location))
          .or(() -> symbolInData(head))
          .orElseThrow(() -> new IOException("cannot tell the symbol of " + location
              + " from its name; set replay.symbol (--symbol), e.g. ETH/USDT"));
    }
    int ps = settings.priceScale() >= 0 ? settings.priceScale() : priceScale;
    int ss = settings.sizeScale() >= 0 ? settings.sizeScale() : sizeScale;
    return instrument(symbol, settings.venue() != null ? settings.venue() : venue, ps, ss);
  }

  /** An instrument whose tick, lot and minimum size are one unit of its scales. */
  static Instrument instrument(String symbol, String venue, int priceScale, int sizeScale) {
    return Instrument.newBuilder()
        .setSymbol(symbol)
        .setVenue(venue)
        .setPriceScale(priceScale)
        .setSizeScale(sizeScale)
        .setTickSize(1)
        .setLotSize(1)
        .setMinSize(1)
        .build();
  }

  /** A known exchange named by a word of the file name ({@code Coinbase_BTCUSD_1h.csv}) or by its folder. */
  static Optional<String> venueIn(String location) {
    for (String word : DataFiles.fileName(location).toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
      if (KNOWN_VENUES.contains(word)) {
        return Optional.of(word);
      }
    }
    String folder = freqtradeVenue(location);
    return folder.equals("freqtrade") ? Optional.empty() : Optional.of(folder);
  }

  private static Optional<String> symbolInData(List<String> head) {
    for (String line : head) {
      Matcher m = STREAM_SYMBOL.matcher(line);
      if (m.find()) {
        return SymbolNames.fromBinance(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** The most decimals printed in the given CSV columns of the first rows (header skipped). */
  static int csvScale(List<String> head, int... columns) {
    int scale = -1;
    for (String line : head) {
      String[] fields = line.split(",", -1);
      if (fields.length == 0 || fields[0].isEmpty() || !Character.isDigit(fields[0].trim().charAt(0))) {
        continue;
      }
      for (int column : columns) {
        if (column < fields.length) {
          scale = Math.max(scale, Fields.printedDecimals(fields[column]));
        }
      }
    }
    return scale < 0 ? DEFAULT_CRYPTO_SCALE : Math.min(scale, MAX_SCALE);
  }

  /** The most decimals printed in the {@code ["price","qty"]} pairs of a capture's first lines. */
  static int levelScale(List<String> head, int group) {
    int scale = -1;
    for (String line : head) {
      Matcher m = LEVEL_PAIR.matcher(line);
      while (m.find()) {
        scale = Math.max(scale, Fields.printedDecimals(m.group(group)));
      }
    }
    return scale < 0 ? DEFAULT_CRYPTO_SCALE : Math.min(scale, MAX_SCALE);
  }

  /** Freqtrade keeps data under {@code user_data/data/<exchange>/}: the folder names the venue. */
  private static String freqtradeVenue(String location) {
    if (location.startsWith(DataFiles.CLASSPATH_PREFIX)) {
      return "freqtrade";
    }
    Path parent = Path.of(location).toAbsolutePath().getParent();
    String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    return KNOWN_VENUES.contains(folder) ? folder : "freqtrade";
  }
}
