package dev.tradingsystem.data.source;

import dev.tradingsystem.proto.Instrument;

/**
 * What the configuration says about a replay source; anything left open is taken from the data.
 *
 * @param format the format, or {@link ReplayFormat#AUTO} to detect it from name and content
 * @param symbol CCXT symbol forced by config ({@code replay.symbol}), or null to take it from the file name
 * @param venue venue forced by config, or null for the format's venue
 * @param priceScale price decimals forced by config, or -1 to use the decimals the data prints
 * @param sizeScale size decimals forced by config, or -1 likewise
 * @param plainCsvInstrument the instrument of plain CSV files, which carry no symbol or scale
 *     (config values over the bundled Bitstamp BTC/USD defaults)
 * @param maxPriceJump largest accepted move from the last accepted price (0.5 = 50 %)
 * @param intervalSec bar interval forced by config ({@code replay.interval}), or 0 to take it from
 *     the file name or the data (candle CSVs only)
 * @param barTime which instant of a bar the time column of a candle CSV names ({@code replay.barTime})
 */
public record SourceSettings(ReplayFormat format, String symbol, String venue, int priceScale, int sizeScale,
    Instrument plainCsvInstrument, double maxPriceJump, int intervalSec, BarTime barTime) {

  public SourceSettings {
    if (intervalSec < 0) {
      throw new IllegalArgumentException("intervalSec must be 0 (infer) or positive, got " + intervalSec);
    }
    barTime = barTime == null ? BarTime.OPEN : barTime;
  }

  /** Interval inferred and time column naming the bar's open, as before candle CSVs existed. */
  public SourceSettings(ReplayFormat format, String symbol, String venue, int priceScale, int sizeScale,
      Instrument plainCsvInstrument, double maxPriceJump) {
    this(format, symbol, venue, priceScale, sizeScale, plainCsvInstrument, maxPriceJump, 0, BarTime.OPEN);
  }

  /** Detect everything; plain CSVs are read as the given instrument. */
  public static SourceSettings detect(Instrument plainCsvInstrument, double maxPriceJump) {
    return new SourceSettings(ReplayFormat.AUTO, null, null, -1, -1, plainCsvInstrument, maxPriceJump);
  }

  public SourceSettings withFormat(ReplayFormat newFormat) {
    return new SourceSettings(newFormat, symbol, venue, priceScale, sizeScale, plainCsvInstrument, maxPriceJump,
        intervalSec, barTime);
  }

  public SourceSettings withSymbol(String newSymbol) {
    return new SourceSettings(format, newSymbol, venue, priceScale, sizeScale, plainCsvInstrument, maxPriceJump,
        intervalSec, barTime);
  }

  public SourceSettings withScales(int newPriceScale, int newSizeScale) {
    return new SourceSettings(format, symbol, venue, newPriceScale, newSizeScale, plainCsvInstrument, maxPriceJump,
        intervalSec, barTime);
  }

  /** @param newIntervalSec the bar interval in seconds, or 0 to infer it */
  public SourceSettings withInterval(int newIntervalSec) {
    return new SourceSettings(format, symbol, venue, priceScale, sizeScale, plainCsvInstrument, maxPriceJump,
        newIntervalSec, barTime);
  }

  public SourceSettings withBarTime(BarTime newBarTime) {
    return new SourceSettings(format, symbol, venue, priceScale, sizeScale, plainCsvInstrument, maxPriceJump,
        intervalSec, newBarTime);
  }
}
