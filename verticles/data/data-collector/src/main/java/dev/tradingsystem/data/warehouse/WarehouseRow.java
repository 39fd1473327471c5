package dev.tradingsystem.data.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row for a warehouse table, values in the table's column order.
 *
 * @param table where the row goes
 * @param rowId stable id of the row (the message id, qualified where one message yields rows of
 *     several kinds); BigQuery uses it to drop a redelivered row
 * @param values one value per column: String, Long, Double or Boolean, never null
 */
public record WarehouseRow(WarehouseTable table, String rowId, List<Object> values) {

  public WarehouseRow {
    int expected = table.columns().size();
    if (values.size() != expected) {
      throw new IllegalArgumentException(table.tableName() + " row has " + values.size() + " values, expected " + expected);
    }
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** Column name to value, in column order (the JSON shape of a BigQuery row). */
  public Map<String, Object> asMap() {
    List<WarehouseColumn> columns = table.columns();
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      map.put(columns.get(i).name(), values.get(i));
    }
    return map;
  }

  /** The value of a column by name. @throws IllegalArgumentException for an unknown column */
  public Object value(String column) {
    List<WarehouseColumn> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return values.get(i);
      }
    }
    throw new IllegalArgumentException(table.tableName() + " has no column " + column);
  }
}
