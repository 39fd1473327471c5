package dev.tradingsystem.data.warehouse;

import io.vertx.core.Future;
import java.util.List;

/**
 * An analytical store the pipeline's history is appended to for research and retraining: trades,
 * candles, feature vectors, agent signals and fills, in the tables of {@link WarehouseSchema}.
 * Adapters: {@link DuckDbWarehouse} (embedded file, the default) and {@link BigQueryWarehouse}.
 *
 * <p>Appends never block the caller's event loop. A failed append answers a failed future (with
 * a {@link WarehouseException}); the store stays usable for the next batch.
 */
public interface Warehouse {

  /** Appends rows of one table in one batch. Rows of another table fail the call. */
  Future<Void> append(WarehouseTable table, List<WarehouseRow> rows);

  /** The backend's name for logs and stats: {@code duckdb} or {@code bigquery}. */
  String backend();

  /** Flushes and releases the store. */
  Future<Void> close();
}
