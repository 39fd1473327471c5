package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tunable parameters a strategy declares, like Freqtrade's {@code DecimalParameter},
 * {@code IntParameter} and {@code BooleanParameter}: name, range and default. The configured
 * values are checked against it once at load, so a typo or an out-of-range value stops the
 * service with the parameter's name instead of trading on a silent default.
 */
public final class ParameterSpace {

  /** What kind of value a parameter takes. */
  public enum Kind { DECIMAL, INTEGER, BOOLEAN }

  /** One declared parameter; booleans use the range [0, 1]. */
  public record Parameter(String name, Kind kind, double min, double max, double defaultValue) {

    public Parameter {
      if (!(min <= defaultValue && defaultValue <= max)) {
        throw new IllegalArgumentException(name + ": default " + defaultValue + " is outside [" + min + ", " + max + "]");
      }
    }
  }

  /** A configured value that does not fit the space. */
  public static final class InvalidParameter extends IllegalArgumentException {

    private final String parameter;

    InvalidParameter(String parameter, String problem) {
      super(problem);
      this.parameter = parameter;
    }

    /** The offending parameter's name. */
    public String parameter() {
      return parameter;
    }
  }

  public static final ParameterSpace EMPTY = new ParameterSpace(List.of());

  private final Map<String, Parameter> parameters = new LinkedHashMap<>();

  private ParameterSpace(List<Parameter> declared) {
    declared.forEach(p -> parameters.put(p.name(), p));
  }

  public static ParameterSpace of(Parameter... declared) {
    return new ParameterSpace(List.of(declared));
  }

  public static Parameter decimal(String name, double min, double max, double defaultValue) {
    return new Parameter(name, Kind.DECIMAL, min, max, defaultValue);
  }

  public static Parameter integer(String name, long min, long max, long defaultValue) {
    return new Parameter(name, Kind.INTEGER, min, max, defaultValue);
  }

  public static Parameter bool(String name, boolean defaultValue) {
    return new Parameter(name, Kind.BOOLEAN, 0, 1, defaultValue ? 1 : 0);
  }

  public Map<String, Parameter> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** Every parameter at its default. */
  public Parameters defaults() {
    return parse(Map.of());
  }

  /**
   * The configured values over the defaults.
   *
   * @throws InvalidParameter naming an unknown parameter or one whose value does not fit
   */
  public Parameters parse(Map<String, ?> configured) {
    for (String name : configured.keySet()) {
      if (!parameters.containsKey(name)) {
        throw new InvalidParameter(name, "unknown parameter, known: " + parameters.keySet());
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (Parameter p : parameters.values()) {
      Object raw = configured.get(p.name());
      values.put(p.name(), raw == null ? p.defaultValue() : value(p, raw));
    }
    return new Parameters(values);
  }

  private static double value(Parameter p, Object raw) {
    double value;
    if (p.kind() == Kind.BOOLEAN) {
      String text = String.valueOf(raw).trim();
      if (!text.equals("true") && !text.equals("false")) {
        throw new InvalidParameter(p.name(), "expected true or false, got '" + raw + "'");
      }
      return Boolean.parseBoolean(text) ? 1 : 0;
    }
    try {
      value = new BigDecimal(String.valueOf(raw).trim()).doubleValue();
    } catch (NumberFormatException e) {
      throw new InvalidParameter(p.name(), "expected a number, got '" + raw + "'");
    }
    if (p.kind() == Kind.INTEGER && value != Math.rint(value)) {
      throw new InvalidParameter(p.name(), "expected a whole number, got '" + raw + "'");
    }
    if (!(value >= p.min() && value <= p.max())) {
      throw new InvalidParameter(p.name(), value + " is outside [" + p.min() + ", " + p.max() + "]");
    }
    return value;
  }
}
