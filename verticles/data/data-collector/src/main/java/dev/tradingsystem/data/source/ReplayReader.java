package dev.tradingsystem.data.source;

import dev.tradingsystem.proto.Instrument;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a trade file in batches. Blocking: each {@link #read(int)} belongs in one
 * worker-thread task, and successive calls must be ordered (Vert.x's ordered
 * {@code executeBlocking} does that), since the validator carries state from row to row.
 */
public final class ReplayReader implements Closeable {

  private final CsvTradeFile file;
  private final TradeRowValidator validator;
  private final long totalRows;
  private boolean endOfData;

  private ReplayReader(CsvTradeFile file, TradeRowValidator validator, long totalRows) {
    this.file = file;
    this.validator = validator;
    this.totalRows = totalRows;
  }

  /**
   * Opens a source for an instrument.
   *
   * @param maxPriceJump see {@link TradeRowValidator}
   * @throws IOException when the source is missing, unreadable or has no usable header
   */
  public static ReplayReader open(String location, Instrument instrument, double maxPriceJump) throws IOException {
    long total = CsvTradeFile.countDataRows(location);
    CsvTradeFile file = CsvTradeFile.open(location);
    return new ReplayReader(file, new TradeRowValidator(file.columns(), instrument, maxPriceJump), total);
  }

  /** Reads up to {@code maxRows} rows; the batch says when the data has ended. */
  public ReplayBatch read(int maxRows) throws IOException {
    List<RowOutcome> rows = new ArrayList<>(Math.min(maxRows, 8192));
    while (!endOfData && rows.size() < maxRows) {
      String row = file.nextRow();
      if (row == null) {
        endOfData = true;
      } else {
        rows.add(validator.check(file.lineNumber(), row));
      }
    }
    return new ReplayBatch(rows, endOfData);
  }

  /** Non-blank data rows in the source, valid or not: the denominator of replay progress. */
  public long totalRows() {
    return totalRows;
  }

  public String location() {
    return file.location();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
