package dev.tradingsystem.data.warehouse;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded warehouse: one DuckDB file, tables created (and widened with new columns) from
 * {@link WarehouseSchema} when opened, so a file written by an older build keeps growing.
 *
 * <p>JDBC blocks, so every call runs on a one-thread worker pool: off the event loop, and in
 * submission order, which keeps batches in the order they were appended. Batches go through
 * DuckDB's appender (much faster than row inserts) when the table's physical columns are the
 * schema's; a file whose columns were reordered by an upgrade gets named-column inserts.
 */
public final class DuckDbWarehouse implements Warehouse {

  private static final Logger LOG = LoggerFactory.getLogger(DuckDbWarehouse.class);

  private final Path file;
  private final WorkerExecutor worker;
  private final Connection connection;
  private final Map<WarehouseTable, Boolean> appenderFits;

  private DuckDbWarehouse(Path file, WorkerExecutor worker, Connection connection, Map<WarehouseTable, Boolean> appenderFits) {
    this.file = file;
    this.worker = worker;
    this.connection = connection;
    this.appenderFits = appenderFits;
  }

  /** Opens (creating if needed) the file and its tables. Fails when the file is locked or unreadable. */
  public static Future<DuckDbWarehouse> open(Vertx vertx, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    WorkerExecutor worker = vertx.createSharedWorkerExecutor("warehouse-duckdb-" + absolute, 1);
    return worker.executeBlocking(() -> {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      Connection connection = DriverManager.getConnection("jdbc:duckdb:" + absolute);
      try {
        Map<WarehouseTable, Boolean> fits = new EnumMap<>(WarehouseTable.class);
        for (WarehouseTable table : WarehouseTable.values()) {
          fits.put(table, ensureTable(connection, table));
        }
        LOG.info("Warehouse: DuckDB file {}", absolute);
        return new DuckDbWarehouse(absolute, worker, connection, fits);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }).recover(err -> {
      worker.close();
      return Future.failedFuture(new WarehouseException("cannot open DuckDB warehouse " + absolute + ": " + err.getMessage(), err));
    });
  }

  @Override
  public Future<Void> append(WarehouseTable table, List<WarehouseRow> rows) {
    for (WarehouseRow row : rows) {
      if (row.table() != table) {
        return Future.failedFuture(new IllegalArgumentException("a " + row.table() + " row in a batch for " + table));
      }
    }
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WarehouseRow> batch = List.copyOf(rows);
    return worker.<Void>executeBlocking(() -> {
      write(table, batch);
      return null;
    }).recover(err -> Future.failedFuture(new WarehouseException(
        "DuckDB append of " + batch.size() + " " + table.tableName() + " rows failed: " + err.getMessage(), err)));
  }

  /** The file this warehouse writes. */
  public Path file() {
    return file;
  }

  @Override
  public String backend() {
    return "duckdb";
  }

  @Override
  public Future<Void> close() {
    return worker.<Void>executeBlocking(() -> {
      connection.close();
      return null;
    }).eventually(() -> worker.close());
  }

  private void write(WarehouseTable table, List<WarehouseRow> rows) throws SQLException {
    connection.setAutoCommit(false);
    try {
      if (appenderFits.get(table)) {
        appendRows(table, rows);
      } else {
        insertRows(table, rows);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void appendRows(WarehouseTable table, List<WarehouseRow> rows) throws SQLException {
    try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", table.tableName())) {
      for (WarehouseRow row : rows) {
        appender.beginRow();
        for (Object value : row.values()) {
          appendValue(appender, value);
        }
        appender.endRow();
      }
      appender.flush();
    }
  }

  private static void appendValue(DuckDBAppender appender, Object value) throws SQLException {
    if (value instanceof String s) {
      appender.append(s);
    } else if (value instanceof Long l) {
      appender.append(l.longValue());
    } else if (value instanceof Double d) {
      appender.append(d.doubleValue());
    } else if (value instanceof Boolean b) {
      appender.append(b.booleanValue());
    } else if (value == null) {
      appender.appendNull();
    } else {
      throw new IllegalArgumentException("unsupported warehouse value " + value.getClass().getName());
    }
  }

  private void insertRows(WarehouseTable table, List<WarehouseRow> rows) throws SQLException {
    List<WarehouseColumn> columns = table.columns();
    String sql = "INSERT INTO " + table.tableName() + " ("
        + columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")) + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (WarehouseRow row : rows) {
        for (int i = 0; i < columns.size(); i++) {
          insert.setObject(i + 1, row.values().get(i));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Creates the table or adds the columns it lacks; answers whether its columns are exactly the schema's, in order. */
  private static boolean ensureTable(Connection connection, WarehouseTable table) throws SQLException {
    List<WarehouseColumn> columns = table.columns();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE IF NOT EXISTS " + table.tableName() + " ("
          + columns.stream().map(c -> quote(c.name()) + " " + c.type().duckDb()).collect(Collectors.joining(", ")) + ")");
      for (WarehouseColumn column : columns) {
        ddl.execute("ALTER TABLE " + table.tableName() + " ADD COLUMN IF NOT EXISTS " + quote(column.name()) + " "
            + column.type().duckDb());
      }
    }
    List<String> physical = new ArrayList<>();
    try (PreparedStatement info = connection.prepareStatement(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
      info.setString(1, table.tableName());
      try (ResultSet rs = info.executeQuery()) {
        while (rs.next()) {
          physical.add(rs.getString(1));
        }
      }
    }
    return physical.equals(columns.stream().map(WarehouseColumn::name).toList());
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
