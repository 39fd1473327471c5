package dev.tradingsystem.data.warehouse;

/** Column types the warehouse uses, with their names in each backend's SQL dialect. */
public enum ColumnType {
  STRING("VARCHAR", "STRING"),
  INT64("BIGINT", "INT64"),
  FLOAT64("DOUBLE", "FLOAT64"),
  BOOL("BOOLEAN", "BOOL");

  private final String duckDb;
  private final String bigQuery;

  ColumnType(String duckDb, String bigQuery) {
    this.duckDb = duckDb;
    this.bigQuery = bigQuery;
  }

  public String duckDb() {
    return duckDb;
  }

  public String bigQuery() {
    return bigQuery;
  }
}
