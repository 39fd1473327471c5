package dev.tradingsystem.data.warehouse;

/** One column of a warehouse table: a snake_case name and a type. */
public record WarehouseColumn(String name, ColumnType type) {
}
