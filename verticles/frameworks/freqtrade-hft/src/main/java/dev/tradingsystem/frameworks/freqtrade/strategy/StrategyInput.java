package dev.tradingsystem.frameworks.freqtrade.strategy;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a strategy's "dataframe" for one pair at one decision point: the features the agents
 * saw, the agents' consensus on them as FreqAI-style prediction columns ({@link Predictions}), and
 * the columns the strategy added itself in {@link Strategy#populateIndicators}. Everything comes
 * from the one {@link Consensus} message, so a strategy decides on exactly what the agents analysed.
 *
 * <p>{@link #column} reads, in this order, a strategy column, a prediction column, or a feature by
 * its protobuf field name ({@code rsi}, {@code ema_fast}, {@code bollinger_lower}, ...;
 * {@code close} is the last price); an unknown or non-finite column is NaN, as pandas would have it.
 * Immutable: {@link #with} returns a new row.
 */
public final class StrategyInput {

  private final Consensus consensus;
  private final Map<String, Double> predictions;
  private final Map<String, Double> added;

  private StrategyInput(Consensus consensus, Map<String, Double> predictions, Map<String, Double> added) {
    this.consensus = consensus;
    this.predictions = predictions;
    this.added = added;
  }

  public static StrategyInput of(Consensus consensus) {
    return new StrategyInput(consensus, Collections.unmodifiableMap(Predictions.of(consensus)), Map.of());
  }

  public Consensus consensus() {
    return consensus;
  }

  public FeatureVector features() {
    return consensus.getFeatures();
  }

  public Instrument instrument() {
    return features().getInstrument();
  }

  /** The pair, CCXT notation ({@code BTC/USD}). */
  public String symbol() {
    return instrument().getSymbol();
  }

  /** Last traded price in quote currency. */
  public double price() {
    return features().getPrice();
  }

  /** FreqAI's {@code do_predict == 1}: the panel met its quorum, its prediction may be acted on. */
  public boolean doPredict() {
    return predictions.get(Predictions.DO_PREDICT) == 1.0;
  }

  /** A column's value, NaN when the row has no such column or it is not finite. */
  public double column(String name) {
    Double value = added.get(name);
    if (value == null) {
      value = predictions.get(name);
    }
    if (value == null) {
      value = feature(name);
    }
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /** This row with one more strategy column (replacing one of the same name). */
  public StrategyInput with(String name, double value) {
    Map<String, Double> columns = new LinkedHashMap<>(added);
    columns.put(name, value);
    return new StrategyInput(consensus, predictions, Collections.unmodifiableMap(columns));
  }

  /** The prediction columns of this row. */
  public Map<String, Double> predictions() {
    return predictions;
  }

  /** The columns the strategy added. */
  public Map<String, Double> addedColumns() {
    return added;
  }

  private double feature(String name) {
    if (name.equals("close")) {
      return price();
    }
    FieldDescriptor field = FeatureVector.getDescriptor().findFieldByName(name);
    if (field == null || field.isRepeated()) {
      return Double.NaN;
    }
    Object value = features().getField(field);
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
