package dev.tradingsystem.data.source;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;

/**
 * A CSV file of trades with a header row, read line by line with blocking I/O (call it from a
 * worker thread, never from an event loop). The location is a file path or
 * {@code classpath:<resource>}, opened by {@link DataFiles} ({@code .gz} and {@code .zip} read in place).
 * Blank lines are skipped without being counted as rows: editors and exports add them at the
 * end, and they carry no data to reject.
 */
public final class CsvTradeFile implements Closeable {

  public static final String CLASSPATH_PREFIX = DataFiles.CLASSPATH_PREFIX;

  private final String location;
  private final BufferedReader reader;
  private final TradeColumns columns;
  private long lineNumber = 1;

  private CsvTradeFile(String location, BufferedReader reader, TradeColumns columns) {
    this.location = location;
    this.reader = reader;
    this.columns = columns;
  }

  /**
   * Opens the source and reads its header.
   *
   * @throws java.io.FileNotFoundException when the file or resource does not exist
   * @throws IOException when it cannot be read, is empty, or its header lacks time, price or size
   */
  public static CsvTradeFile open(String location) throws IOException {
    BufferedReader reader = reader(location);
    try {
      String header = reader.readLine();
      if (header == null) {
        throw new IOException(location + " is empty: expected a header row");
      }
      return new CsvTradeFile(location, reader, TradeColumns.fromHeader(header));
    } catch (IOException | IllegalArgumentException e) {
      reader.close();
      throw e instanceof IOException io ? io : new IOException(location + ": " + e.getMessage(), e);
    }
  }

  /** Number of non-blank data rows (a full pass over the source; used as the progress total). */
  public static long countDataRows(String location) throws IOException {
    long rows = 0;
    try (BufferedReader reader = reader(location)) {
      if (reader.readLine() == null) {
        return 0;
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          rows++;
        }
      }
    }
    return rows;
  }

  public String location() {
    return location;
  }

  public TradeColumns columns() {
    return columns;
  }

  /** The next non-blank row, or null at the end of the data. */
  public String nextRow() throws IOException {
    String line;
    do {
      line = reader.readLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
    } while (line.isBlank());
    return line;
  }

  /** Physical line number of the row last returned by {@link #nextRow()} (the header is line 1). */
  public long lineNumber() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static BufferedReader reader(String location) throws IOException {
    return DataFiles.open(location);
  }
}
