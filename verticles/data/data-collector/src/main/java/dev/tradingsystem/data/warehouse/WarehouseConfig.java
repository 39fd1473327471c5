package dev.tradingsystem.data.warehouse;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.nio.file.Path;

/**
 * Warehouse settings ({@code warehouse.*}), read and validated once.
 *
 * @param backend where rows go: {@code none} (nothing is recorded; the default, so tests and
 *     short runs leave no files), {@code duckdb} (a file on this machine) or {@code bigquery}
 * @param dir directory of the DuckDB file, relative to the working directory unless absolute
 * @param duckDbFile name of the DuckDB file inside {@code dir}
 * @param batchSize rows buffered before a flush; large batches append faster (one transaction
 *     or request each) but lose more on a crash and hold more memory
 * @param flushIntervalMs longest a row waits in the buffer; short intervals make the warehouse
 *     fresher at the cost of more, smaller appends
 * @param maxPendingRows rows held while appends are slow or failing; beyond it new rows are
 *     dropped and counted rather than letting the heap grow
 * @param bigQueryProject Google Cloud project of the dataset
 * @param bigQueryDataset dataset holding the tables (they must exist with the schema of
 *     {@link WarehouseSchema})
 * @param bigQueryHost API root, {@code https://bigquery.googleapis.com} by default; another
 *     host (a loopback server in tests, an emulator) is called without credentials
 * @param bigQueryTimeoutMs deadline of one insert request
 * @param bigQueryMaxAttempts tries of one insert (rows carry insert ids, so a retry does not
 *     duplicate); more tries ride out a blip but hold the writer's queue longer
 */
public record WarehouseConfig(Backend backend, String dir, String duckDbFile, int batchSize, long flushIntervalMs,
    int maxPendingRows, String bigQueryProject, String bigQueryDataset, String bigQueryHost, long bigQueryTimeoutMs,
    int bigQueryMaxAttempts) {

  /** The warehouse backends. */
  public enum Backend { NONE, DUCKDB, BIGQUERY }

  public static final Backend DEFAULT_BACKEND = Backend.NONE;
  public static final String DEFAULT_DIR = "data";
  public static final String DEFAULT_DUCKDB_FILE = "warehouse.duckdb";
  public static final int DEFAULT_BATCH_SIZE = 2_000;
  public static final long DEFAULT_FLUSH_INTERVAL_MS = 1_000;
  public static final int DEFAULT_MAX_PENDING_ROWS = 200_000;
  public static final String DEFAULT_BIGQUERY_DATASET = "trading";
  public static final String GOOGLE_BIGQUERY_HOST = "https://bigquery.googleapis.com";
  public static final long DEFAULT_BIGQUERY_TIMEOUT_MS = 30_000;
  public static final int DEFAULT_BIGQUERY_MAX_ATTEMPTS = 3;

  /** Reads and validates every key. @throws ConfigException naming the first bad key */
  public static WarehouseConfig from(ConfigReader cfg) {
    Backend backend = cfg.enumValue("warehouse.backend", Backend.class, DEFAULT_BACKEND);
    String dir = cfg.string("warehouse.dir", DEFAULT_DIR).trim();
    if (dir.isEmpty()) {
      throw new ConfigException("warehouse.dir", "must not be empty");
    }
    String file = cfg.string("warehouse.duckdb.file", DEFAULT_DUCKDB_FILE).trim();
    if (file.isEmpty() || file.contains("/")) {
      throw new ConfigException("warehouse.duckdb.file", "must be a file name without directories, got '" + file + "'");
    }
    int batchSize = cfg.integer("warehouse.batchSize", DEFAULT_BATCH_SIZE, 1, 1_000_000);
    int maxPending = cfg.integer("warehouse.maxPendingRows", DEFAULT_MAX_PENDING_ROWS, 1, 100_000_000);
    if (maxPending < batchSize) {
      throw new ConfigException("warehouse.maxPendingRows", maxPending + " is below warehouse.batchSize " + batchSize);
    }
    String project = cfg.string("warehouse.bigquery.project", "").trim();
    if (backend == Backend.BIGQUERY && project.isEmpty()) {
      throw new ConfigException("warehouse.bigquery.project", "is required when warehouse.backend is bigquery");
    }
    String dataset = cfg.string("warehouse.bigquery.dataset", DEFAULT_BIGQUERY_DATASET).trim();
    if (!dataset.matches("[A-Za-z0-9_]{1,1024}")) {
      throw new ConfigException("warehouse.bigquery.dataset", "'" + dataset + "' is not a BigQuery dataset id (letters, digits, _)");
    }
    String host = cfg.string("warehouse.bigquery.host", GOOGLE_BIGQUERY_HOST).trim();
    if (!host.startsWith("http://") && !host.startsWith("https://")) {
      throw new ConfigException("warehouse.bigquery.host", "'" + host + "' is not an http(s) URL");
    }
    return new WarehouseConfig(backend, dir, file, batchSize,
        cfg.integer("warehouse.flushIntervalMs", DEFAULT_FLUSH_INTERVAL_MS, 1, 3_600_000),
        maxPending, project, dataset, host,
        cfg.integer("warehouse.bigquery.timeoutMs", DEFAULT_BIGQUERY_TIMEOUT_MS, 1, 600_000),
        cfg.integer("warehouse.bigquery.maxAttempts", DEFAULT_BIGQUERY_MAX_ATTEMPTS, 1, 20));
  }

  /** The DuckDB file: {@code dir/duckDbFile}, relative to the working directory unless absolute. */
  public Path duckDbPath() {
    return Path.of(dir).resolve(duckDbFile);
  }

  /** True unless BigQuery is Google's own service, which needs real credentials. */
  public boolean bigQueryWithoutCredentials() {
    return !bigQueryHost.equals(GOOGLE_BIGQUERY_HOST);
  }
}
