package dev.tradingsystem.data.warehouse;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.TableId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse in Google BigQuery (the seed's warehouse): streaming inserts ({@code insertAll})
 * through Google's Java client, into tables that must exist in the dataset with the columns of
 * {@link WarehouseSchema}. Each row carries its row id as {@code insertId}, so BigQuery drops a
 * row a retry or a redelivery sends twice.
 *
 * <p>The client blocks on HTTP, so calls run on a one-thread worker pool. A request error (HTTP
 * failure after the configured attempts) or any row BigQuery refuses fails the append with a
 * {@link WarehouseException} that names the first refusal.
 */
public final class BigQueryWarehouse implements Warehouse {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryWarehouse.class);

  private final BigQuery bigQuery;
  private final String project;
  private final String dataset;
  private final WorkerExecutor worker;

  BigQueryWarehouse(BigQuery bigQuery, String project, String dataset, WorkerExecutor worker) {
    this.bigQuery = bigQuery;
    this.project = project;
    this.dataset = dataset;
    this.worker = worker;
  }

  /**
   * A client for {@code config}'s project and dataset. Against Google's host it uses Application
   * Default Credentials; against any other host (loopback tests, emulators) no credentials.
   */
  public static BigQueryWarehouse create(Vertx vertx, WarehouseConfig config) {
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, config.bigQueryTimeoutMs());
    BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
        .setProjectId(config.bigQueryProject())
        .setRetrySettings(RetrySettings.newBuilder()
            .setMaxAttempts(config.bigQueryMaxAttempts())
            .setInitialRetryDelayDuration(Duration.ofMillis(200))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofSeconds(5))
            .setTotalTimeoutDuration(Duration.ofMillis(config.bigQueryTimeoutMs() * config.bigQueryMaxAttempts()))
            .build())
        .setTransportOptions(HttpTransportOptions.newBuilder()
            .setConnectTimeout(timeoutMs)
            .setReadTimeout(timeoutMs)
            .build());
    if (config.bigQueryWithoutCredentials()) {
      options.setHost(config.bigQueryHost()).setCredentials(NoCredentials.getInstance());
    }
    LOG.info("Warehouse: BigQuery {}.{} at {}", config.bigQueryProject(), config.bigQueryDataset(), config.bigQueryHost());
    return new BigQueryWarehouse(options.build().getService(), config.bigQueryProject(), config.bigQueryDataset(),
        vertx.createSharedWorkerExecutor("warehouse-bigquery-" + config.bigQueryProject() + "." + config.bigQueryDataset(), 1));
  }

  @Override
  public Future<Void> append(WarehouseTable table, List<WarehouseRow> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    InsertAllRequest.Builder request = InsertAllRequest.newBuilder(TableId.of(project, dataset, table.tableName()));
    for (WarehouseRow row : rows) {
      if (row.table() != table) {
        return Future.failedFuture(new IllegalArgumentException("a " + row.table() + " row in a batch for " + table));
      }
      request.addRow(InsertAllRequest.RowToInsert.of(row.rowId(), jsonRow(row)));
    }
    InsertAllRequest insert = request.build();
    return worker.<Void>executeBlocking(() -> {
      InsertAllResponse response = bigQuery.insertAll(insert);
      if (response.hasErrors()) {
        Map.Entry<Long, List<BigQueryError>> first = response.getInsertErrors().entrySet().iterator().next();
        throw new WarehouseException(response.getInsertErrors().size() + " of " + rows.size() + " " + table.tableName()
            + " rows refused by BigQuery; row " + first.getKey() + ": " + first.getValue(), null);
      }
      return null;
    }).recover(err -> Future.failedFuture(err instanceof WarehouseException ? err : new WarehouseException(
        "BigQuery insert of " + rows.size() + " " + table.tableName() + " rows failed: " + err.getMessage(), err)));
  }

  @Override
  public String backend() {
    return "bigquery";
  }

  @Override
  public Future<Void> close() {
    return worker.close();
  }

  /** JSON has no NaN or infinity; BigQuery reads them as these strings in FLOAT64 columns. */
  static Map<String, Object> jsonRow(WarehouseRow row) {
    Map<String, Object> json = new LinkedHashMap<>();
    row.asMap().forEach((column, value) -> {
      if (value instanceof Double d && !Double.isFinite(d)) {
        json.put(column, d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      } else {
        json.put(column, value);
      }
    });
    return json;
  }
}
