package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.util.Collections;
import java.util.Map;

/** A strategy's parameter values after {@link ParameterSpace#parse}: every declared name is present. */
public final class Parameters {

  private final Map<String, Double> values;

  Parameters(Map<String, Double> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A decimal (or any) parameter. @throws IllegalArgumentException for an undeclared name */
  public double decimal(String name) {
    Double value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("parameter '" + name + "' is not declared");
    }
    return value;
  }

  public int integer(String name) {
    return (int) decimal(name);
  }

  public boolean bool(String name) {
    return decimal(name) != 0;
  }

  public Map<String, Double> values() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
