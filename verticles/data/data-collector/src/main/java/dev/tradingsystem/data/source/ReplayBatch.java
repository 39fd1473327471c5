package dev.tradingsystem.data.source;

import java.util.List;

/**
 * Rows read and validated in one blocking step, in file order.
 *
 * @param rows the outcomes, accepted and rejected interleaved as in the file
 * @param endOfData true when the source has no more rows after these
 */
public record ReplayBatch(List<RowOutcome> rows, boolean endOfData) {

  public ReplayBatch {
    rows = List.copyOf(rows);
  }
}
