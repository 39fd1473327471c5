package dev.tradingsystem.data.warehouse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rows waiting for the next append, per table, bounded: once {@code maxPending} rows wait (the
 * store is slow or down), new rows are refused so memory stays bounded, and the caller counts
 * them. Not thread-safe: the writer uses it from one event loop.
 */
final class WarehouseBatcher {

  private final int batchSize;
  private final int maxPending;
  private final Map<WarehouseTable, List<WarehouseRow>> pending = new EnumMap<>(WarehouseTable.class);
  private int size;

  WarehouseBatcher(int batchSize, int maxPending) {
    this.batchSize = batchSize;
    this.maxPending = maxPending;
  }

  /** Queues the row; false when the bound is reached and the row was not taken. */
  boolean add(WarehouseRow row) {
    if (size >= maxPending) {
      return false;
    }
    pending.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
    size++;
    return true;
  }

  /** True once a full batch waits. */
  boolean batchReady() {
    return size >= batchSize;
  }

  int size() {
    return size;
  }

  /** Everything waiting, per table in table order, cut into batches of at most {@code batchSize}; the queue is emptied. */
  List<Batch> drain() {
    List<Batch> batches = new ArrayList<>();
    for (Map.Entry<WarehouseTable, List<WarehouseRow>> entry : pending.entrySet()) {
      List<WarehouseRow> rows = entry.getValue();
      for (int from = 0; from < rows.size(); from += batchSize) {
        batches.add(new Batch(entry.getKey(), List.copyOf(rows.subList(from, Math.min(rows.size(), from + batchSize)))));
      }
    }
    pending.clear();
    size = 0;
    return batches;
  }

  /** Rows of one table to append together. */
  record Batch(WarehouseTable table, List<WarehouseRow> rows) {
  }
}
