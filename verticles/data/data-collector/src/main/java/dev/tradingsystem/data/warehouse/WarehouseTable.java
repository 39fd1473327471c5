package dev.tradingsystem.data.warehouse;

import java.util.List;

/** The tables of the warehouse; their columns are defined once, in {@link WarehouseSchema}. */
public enum WarehouseTable {
  TRADES("trades"),
  CANDLES("candles"),
  FEATURES("features"),
  SIGNALS("signals"),
  EXECUTIONS("executions");

  private final String tableName;

  WarehouseTable(String tableName) {
    this.tableName = tableName;
  }

  /** The table's name in every backend. */
  public String tableName() {
    return tableName;
  }

  public List<WarehouseColumn> columns() {
    return WarehouseSchema.columns(this);
  }
}
