package dev.tradingsystem.data.warehouse;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The warehouse schema, defined once: for each table, its columns and how each column's value is
 * read from the message that feeds it. Backends derive their DDL (DuckDB) or row JSON (BigQuery)
 * from here, so the two stores cannot drift apart.
 *
 * <p>Every table starts with the message's identity and times ({@code message_id, trace_id, seq,
 * event_time_us, ingest_time_us}) and its symbol and venue. Prices and sizes are stored twice: as
 * the exact fixed-point units of the order path and as decimals for research queries. The
 * {@code features} columns are every scalar field of {@code FeatureVector}, taken from the proto
 * descriptor: a feature added to the contract becomes a column without an edit here.
 */
public final class WarehouseSchema {

  /** A column and how to read it from a message of type {@code M}. */
  record Column<M>(String name, ColumnType type, Function<M, Object> value) {
  }

  private static final List<Column<Trade>> TRADES = new ArrayList<>();
  private static final List<Column<Candle>> CANDLES = new ArrayList<>();
  private static final List<Column<FeatureVector>> FEATURES = new ArrayList<>();
  private static final List<Column<AgentSignal>> SIGNALS = new ArrayList<>();
  private static final List<Column<Execution>> EXECUTIONS = new ArrayList<>();
  private static final Map<WarehouseTable, List<WarehouseColumn>> COLUMNS = new EnumMap<>(WarehouseTable.class);

  static {
    identity(TRADES, Trade::getMeta);
    market(TRADES, Trade::getInstrument);
    TRADES.add(new Column<>("trade_id", ColumnType.STRING, Trade::getTradeId));
    TRADES.add(new Column<>("price_units", ColumnType.INT64, Trade::getPrice));
    TRADES.add(new Column<>("size_units", ColumnType.INT64, Trade::getSize));
    TRADES.add(new Column<>("price", ColumnType.FLOAT64, t -> FixedPoint.toDouble(t.getPrice(), t.getInstrument().getPriceScale())));
    TRADES.add(new Column<>("size", ColumnType.FLOAT64, t -> FixedPoint.toDouble(t.getSize(), t.getInstrument().getSizeScale())));
    TRADES.add(new Column<>("aggressor", ColumnType.STRING, t -> t.getAggressor().name()));

    identity(CANDLES, Candle::getMeta);
    market(CANDLES, Candle::getInstrument);
    CANDLES.add(new Column<>("interval_sec", ColumnType.INT64, c -> (long) c.getIntervalSec()));
    CANDLES.add(new Column<>("open_time_us", ColumnType.INT64, Candle::getOpenTimeUs));
    CANDLES.add(new Column<>("open", ColumnType.FLOAT64, c -> price(c.getOpen(), c.getInstrument())));
    CANDLES.add(new Column<>("high", ColumnType.FLOAT64, c -> price(c.getHigh(), c.getInstrument())));
    CANDLES.add(new Column<>("low", ColumnType.FLOAT64, c -> price(c.getLow(), c.getInstrument())));
    CANDLES.add(new Column<>("close", ColumnType.FLOAT64, c -> price(c.getClose(), c.getInstrument())));
    CANDLES.add(new Column<>("volume", ColumnType.FLOAT64, c -> FixedPoint.toDouble(c.getVolume(), c.getInstrument().getSizeScale())));
    CANDLES.add(new Column<>("trade_count", ColumnType.INT64, c -> (long) c.getTradeCount()));

    identity(FEATURES, FeatureVector::getMeta);
    market(FEATURES, FeatureVector::getInstrument);
    Set<String> taken = new HashSet<>();
    FEATURES.forEach(c -> taken.add(c.name()));
    for (FieldDescriptor field : FeatureVector.getDescriptor().getFields()) {
      ColumnType type = scalarType(field);
      if (type != null && taken.add(field.getName())) {
        FEATURES.add(new Column<>(field.getName(), type, v -> widen(v.getField(field))));
      }
    }

    identity(SIGNALS, AgentSignal::getMeta);
    SIGNALS.add(new Column<>("symbol", ColumnType.STRING, AgentSignal::getSymbol));
    SIGNALS.add(new Column<>("agent", ColumnType.STRING, AgentSignal::getAgent));
    SIGNALS.add(new Column<>("model_id", ColumnType.STRING, AgentSignal::getModelId));
    SIGNALS.add(new Column<>("direction", ColumnType.STRING, s -> s.getDirection().name()));
    SIGNALS.add(new Column<>("strength", ColumnType.FLOAT64, AgentSignal::getStrength));
    SIGNALS.add(new Column<>("confidence", ColumnType.FLOAT64, AgentSignal::getConfidence));
    SIGNALS.add(new Column<>("horizon_sec", ColumnType.INT64, s -> (long) s.getHorizonSec()));
    SIGNALS.add(new Column<>("quantiles", ColumnType.STRING, s -> quantilesJson(s.getQuantilesList())));
    SIGNALS.add(new Column<>("degraded", ColumnType.BOOL, AgentSignal::getDegraded));
    SIGNALS.add(new Column<>("degraded_reason", ColumnType.STRING, AgentSignal::getDegradedReason));
    SIGNALS.add(new Column<>("rationale", ColumnType.STRING, AgentSignal::getRationale));

    identity(EXECUTIONS, Execution::getMeta);
    market(EXECUTIONS, Execution::getInstrument);
    EXECUTIONS.add(new Column<>("execution_id", ColumnType.STRING, Execution::getExecutionId));
    EXECUTIONS.add(new Column<>("order_id", ColumnType.STRING, Execution::getOrderId));
    EXECUTIONS.add(new Column<>("strategy_id", ColumnType.STRING, Execution::getStrategyId));
    EXECUTIONS.add(new Column<>("side", ColumnType.STRING, e -> e.getSide().name()));
    EXECUTIONS.add(new Column<>("price_units", ColumnType.INT64, Execution::getPrice));
    EXECUTIONS.add(new Column<>("quantity_units", ColumnType.INT64, Execution::getQuantity));
    EXECUTIONS.add(new Column<>("price", ColumnType.FLOAT64, e -> price(e.getPrice(), e.getInstrument())));
    EXECUTIONS.add(new Column<>("quantity", ColumnType.FLOAT64, e -> FixedPoint.toDouble(e.getQuantity(), e.getInstrument().getSizeScale())));
    EXECUTIONS.add(new Column<>("fee_micros", ColumnType.INT64, Execution::getFeeMicros));
    EXECUTIONS.add(new Column<>("fee", ColumnType.FLOAT64, e -> FixedPoint.microsToDouble(e.getFeeMicros())));
    EXECUTIONS.add(new Column<>("liquidity", ColumnType.STRING, e -> e.getLiquidity().name()));
    EXECUTIONS.add(new Column<>("leaves_quantity_units", ColumnType.INT64, Execution::getLeavesQuantity));

    COLUMNS.put(WarehouseTable.TRADES, describe(TRADES));
    COLUMNS.put(WarehouseTable.CANDLES, describe(CANDLES));
    COLUMNS.put(WarehouseTable.FEATURES, describe(FEATURES));
    COLUMNS.put(WarehouseTable.SIGNALS, describe(SIGNALS));
    COLUMNS.put(WarehouseTable.EXECUTIONS, describe(EXECUTIONS));
  }

  private WarehouseSchema() {
  }

  /** The columns of a table, in order. */
  public static List<WarehouseColumn> columns(WarehouseTable table) {
    return COLUMNS.get(table);
  }

  public static WarehouseRow row(Trade trade) {
    return new WarehouseRow(WarehouseTable.TRADES, trade.getMeta().getId(), values(TRADES, trade));
  }

  public static WarehouseRow row(Candle candle) {
    return new WarehouseRow(WarehouseTable.CANDLES, candle.getMeta().getId() + ":" + candle.getIntervalSec(), values(CANDLES, candle));
  }

  /** Tick and candle vectors share a table; the timeframe keeps their row ids apart. */
  public static WarehouseRow row(FeatureVector vector) {
    return new WarehouseRow(WarehouseTable.FEATURES, vector.getMeta().getId() + ":" + vector.getTimeframeSec(), values(FEATURES, vector));
  }

  public static WarehouseRow row(AgentSignal signal) {
    return new WarehouseRow(WarehouseTable.SIGNALS, signal.getAgent() + ":" + signal.getMeta().getId(), values(SIGNALS, signal));
  }

  public static WarehouseRow row(Execution execution) {
    String id = execution.getExecutionId().isEmpty() ? execution.getMeta().getId() : execution.getExecutionId();
    return new WarehouseRow(WarehouseTable.EXECUTIONS, id, values(EXECUTIONS, execution));
  }

  /** The row for any message the warehouse stores, or null for another type. */
  public static WarehouseRow rowOf(Object message) {
    if (message instanceof Trade t) {
      return row(t);
    } else if (message instanceof Candle c) {
      return row(c);
    } else if (message instanceof FeatureVector v) {
      return row(v);
    } else if (message instanceof AgentSignal s) {
      return row(s);
    } else if (message instanceof Execution e) {
      return row(e);
    }
    return null;
  }

  private static <M> void identity(List<Column<M>> columns, Function<M, Meta> meta) {
    columns.add(new Column<>("message_id", ColumnType.STRING, m -> meta.apply(m).getId()));
    columns.add(new Column<>("trace_id", ColumnType.STRING, m -> meta.apply(m).getTraceId()));
    columns.add(new Column<>("seq", ColumnType.INT64, m -> meta.apply(m).getSeq()));
    columns.add(new Column<>("event_time_us", ColumnType.INT64, m -> meta.apply(m).getEventTimeUs()));
    columns.add(new Column<>("ingest_time_us", ColumnType.INT64, m -> meta.apply(m).getIngestTimeUs()));
  }

  private static <M> void market(List<Column<M>> columns, Function<M, Instrument> instrument) {
    columns.add(new Column<>("symbol", ColumnType.STRING, m -> instrument.apply(m).getSymbol()));
    columns.add(new Column<>("venue", ColumnType.STRING, m -> instrument.apply(m).getVenue()));
  }

  private static <M> List<Object> values(List<Column<M>> columns, M message) {
    List<Object> values = new ArrayList<>(columns.size());
    for (Column<M> column : columns) {
      values.add(column.value().apply(message));
    }
    return values;
  }

  private static <M> List<WarehouseColumn> describe(List<Column<M>> columns) {
    return columns.stream().map(c -> new WarehouseColumn(c.name(), c.type())).toList();
  }

  private static double price(long units, Instrument instrument) {
    return FixedPoint.toDouble(units, instrument.getPriceScale());
  }

  /** The column type of a scalar, non-repeated field; null for messages, lists and bytes. */
  private static ColumnType scalarType(FieldDescriptor field) {
    if (field.isRepeated()) {
      return null;
    }
    return switch (field.getJavaType()) {
      case DOUBLE, FLOAT -> ColumnType.FLOAT64;
      case INT, LONG -> ColumnType.INT64;
      case BOOLEAN -> ColumnType.BOOL;
      case STRING, ENUM -> ColumnType.STRING;
      default -> null;
    };
  }

  /** Values in the four Java types the backends accept: String, Long, Double, Boolean. */
  private static Object widen(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    } else if (value instanceof Float f) {
      return f.doubleValue();
    } else if (value instanceof com.google.protobuf.Descriptors.EnumValueDescriptor e) {
      return e.getName();
    }
    return value;
  }

  private static String quantilesJson(List<Quantile> quantiles) {
    StringBuilder json = new StringBuilder("[");
    for (Quantile q : quantiles) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(String.format(Locale.ROOT, "{\"level\":%s,\"value\":%s}", num(q.getLevel()), num(q.getValue())));
    }
    return json.append(']').toString();
  }

  /** JSON has no NaN or infinity: those become null. */
  private static String num(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }
}
