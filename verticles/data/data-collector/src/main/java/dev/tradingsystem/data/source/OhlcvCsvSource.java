package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A candle CSV of any vendor, read by header ({@link OhlcvColumns}) with the layout its head
 * implies ({@link OhlcvCsvLayout}). A candle's open time is its open and its event time its close
 * ({@code open + interval - 1 ms}, as Binance klines and Freqtrade files), whichever instant the
 * time column names.
 *
 * <p>Rows are checked like klines ({@link CandleGuard}): inconsistent, NaN or negative values,
 * a repeated or earlier open time are refused with their reason and the replay goes on. A bar
 * that opens before the previous one closed is refused {@code out_of_order} too: its prints would
 * go back in time. Gaps of more than one bar are accepted: missing bars are normal.
 *
 * <p>A file listing its newest bar first is replayed oldest first: its data rows are read into
 * memory (up to {@link #MAX_DESCENDING_ROWS}) and delivered in reverse, each refused row still
 * named by its physical line.
 */
final class OhlcvCsvSource implements MarketDataSource {

  /** Rows a backwards file may have; ten years of hourly bars, two of minute bars, fit. */
  static final int MAX_DESCENDING_ROWS = 1_500_000;
  private static final Logger LOG = LoggerFactory.getLogger(OhlcvCsvSource.class);

  private final String location;
  private final OhlcvCsvLayout layout;
  private final Instrument instrument;
  private final CandleGuard guard;
  private final long intervalUs;
  private final String normalizedSymbol;
  private final long totalHint;
  private final BufferedReader reader;
  private final Iterator<Row> reversed;
  private long lineNumber;
  private int headerLinesLeft;
  private long lastOpenUs = Long.MIN_VALUE;
  private boolean ended;

  private record Row(long line, String text) {
  }

  OhlcvCsvSource(String location, OhlcvCsvLayout layout, double maxPriceJump) throws IOException {
    this.location = location;
    this.layout = layout;
    this.instrument = layout.instrument();
    this.guard = new CandleGuard(maxPriceJump);
    this.intervalUs = layout.intervalSec() * 1_000_000L;
    this.normalizedSymbol = TradeRowValidator.normalizeSymbol(instrument.getSymbol());
    this.headerLinesLeft = layout.preambleLines() + 1;
    this.reader = DataFiles.open(location);
    if (layout.descending()) {
      List<Row> rows = readAllRows();
      Collections.reverse(rows);
      this.reversed = rows.iterator();
      this.totalHint = rows.size();
      LOG.info("{} lists its newest bar first: replaying its {} rows oldest first", location, rows.size());
    } else {
      this.reversed = null;
      this.totalHint = Math.max(0, DataFiles.countLines(location) - headerLinesLeft);
    }
  }

  /** The next data row in file order, past the preamble and header; null at the end. */
  private Row nextInFile() throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (headerLinesLeft > 0) {
        headerLinesLeft--;
        continue;
      }
      return new Row(lineNumber, line);
    }
    return null;
  }

  private List<Row> readAllRows() throws IOException {
    List<Row> rows = new ArrayList<>();
    Row row;
    while ((row = nextInFile()) != null) {
      if (rows.size() == MAX_DESCENDING_ROWS) {
        reader.close();
        throw new IOException(location + " lists its newest bar first and has more than " + MAX_DESCENDING_ROWS
            + " rows, too many to reverse in memory; sort it oldest first (keep the header on top)");
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public boolean pull(MarketDataSink sink, int maxRecords) throws IOException {
    int delivered = 0;
    while (!ended && delivered < maxRecords) {
      Row row = reversed != null ? (reversed.hasNext() ? reversed.next() : null) : nextInFile();
      if (row == null) {
        ended = true;
        break;
      }
      delivered++;
      try {
        sink.onCandle(candle(row.text().split(",", -1)));
      } catch (Refusal refusal) {
        sink.onRejected(METRIC_SOURCE, refusal.reason().code(),
            "line " + row.line() + ": " + row.text() + " | " + refusal.getMessage());
      }
    }
    return !ended;
  }

  private Candle candle(String[] fields) throws Refusal {
    OhlcvColumns columns = layout.columns();
    if (fields.length != columns.fieldCount()) {
      throw new Refusal(RejectReason.FIELD_COUNT, fields.length + " fields, header has " + columns.fieldCount());
    }
    if (columns.symbol() >= 0) {
      String symbol = TradeColumns.unquote(fields[columns.symbol()]);
      if (!TradeRowValidator.normalizeSymbol(symbol).equals(normalizedSymbol)) {
        throw new Refusal(RejectReason.UNKNOWN_SYMBOL, "symbol '" + symbol + "', replaying " + instrument.getSymbol());
      }
    }
    long stampUs = CandleTimes.parseMicros(TradeColumns.unquote(fields[columns.time()]));
    long openUs = layout.barTime() == BarTime.OPEN ? stampUs : stampUs - intervalUs;
    if (openUs <= 0) {
      throw new Refusal(RejectReason.INVALID_TIMESTAMP, "bar closing at " + stampUs + " us opens before the epoch");
    }
    int scale = instrument.getPriceScale();
    long open = Fields.price(TradeColumns.unquote(fields[columns.open()]), scale);
    long high = Fields.price(TradeColumns.unquote(fields[columns.high()]), scale);
    long low = Fields.price(TradeColumns.unquote(fields[columns.low()]), scale);
    long close = Fields.price(TradeColumns.unquote(fields[columns.close()]), scale);
    long volume = Fields.sizeOrZero(TradeColumns.unquote(fields[columns.volume()]), instrument.getSizeScale());
    if (openUs > lastOpenUs && lastOpenUs != Long.MIN_VALUE && openUs < lastOpenUs + intervalUs) {
      throw new Refusal(RejectReason.OUT_OF_ORDER, "bar opening at " + openUs + " us starts before the previous bar"
          + " (opened " + lastOpenUs + " us) closed; interval " + layout.intervalSec() + " s");
    }
    guard.admit(openUs, open, high, low, close);
    lastOpenUs = openUs;
    return Candle.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(openUs + intervalUs - 1_000))
        .setInstrument(instrument)
        .setIntervalSec(layout.intervalSec())
        .setOpenTimeUs(openUs)
        .setOpen(open)
        .setHigh(high)
        .setLow(low)
        .setClose(close)
        .setVolume(volume)
        .build();
  }

  /** The layout the file was opened with (interval, bar time, order). */
  OhlcvCsvLayout layout() {
    return layout;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public ReplayFormat format() {
    return ReplayFormat.OHLCV_CSV;
  }

  @Override
  public Instrument instrument() {
    return instrument;
  }

  @Override
  public long totalHint() {
    return totalHint;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
