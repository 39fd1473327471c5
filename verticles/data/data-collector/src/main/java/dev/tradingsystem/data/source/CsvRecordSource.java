package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.Instrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Common reading of Binance public-data CSV files: line by line, an optional header (Binance
 * added headers to its files in 2025; older ones have none) skipped, each row turned into a
 * message or a rejection. A row with the wrong number of fields is refused before it is parsed.
 */
abstract class CsvRecordSource implements MarketDataSource {

  private final String location;
  private final ReplayFormat format;
  private final Instrument instrument;
  private final BufferedReader reader;
  private final long totalHint;
  private final int minFields;
  private final int maxFields;
  private long lineNumber;
  private boolean ended;

  CsvRecordSource(String location, ReplayFormat format, Instrument instrument, int minFields, int maxFields)
      throws IOException {
    this.location = location;
    this.format = format;
    this.instrument = instrument;
    this.minFields = minFields;
    this.maxFields = maxFields;
    long lines = DataFiles.countLines(location);
    this.totalHint = hasHeader(DataFiles.head(location, 1)) ? Math.max(0, lines - 1) : lines;
    this.reader = DataFiles.open(location);
  }

  /** Turns one row's fields into a message for the sink. */
  abstract void parse(String[] fields, MarketDataSink sink) throws Refusal;

  @Override
  public boolean pull(MarketDataSink sink, int maxRecords) throws IOException {
    int delivered = 0;
    while (!ended && delivered < maxRecords) {
      String line = reader.readLine();
      if (line == null) {
        ended = true;
        break;
      }
      lineNumber++;
      if (line.isBlank() || (lineNumber == 1 && hasHeader(List.of(line)))) {
        continue;
      }
      delivered++;
      String[] fields = line.split(",", -1);
      try {
        if (fields.length < minFields || fields.length > maxFields) {
          throw new Refusal(RejectReason.FIELD_COUNT, fields.length + " fields, " + format + " has "
              + (minFields == maxFields ? String.valueOf(minFields) : minFields + " to " + maxFields));
        }
        parse(fields, sink);
      } catch (Refusal refusal) {
        sink.onRejected(METRIC_SOURCE, refusal.reason().code(),
            "line " + lineNumber + ": " + line + " | " + refusal.getMessage());
      }
    }
    return !ended;
  }

  /** Binance headers start with a letter; data rows with a digit. */
  static boolean hasHeader(List<String> head) {
    if (head.isEmpty()) {
      return false;
    }
    String first = FormatDetector.stripBom(head.get(0)).trim();
    return !first.isEmpty() && !Character.isDigit(first.charAt(0)) && first.charAt(0) != '-';
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public ReplayFormat format() {
    return format;
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
