package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.frameworks.freqtrade.strategy.ParameterSpace;
import dev.tradingsystem.frameworks.freqtrade.strategy.ParameterSpace.Parameter;
import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The search space of one freqtrade-hft strategy instance and the map from a sampled point to the
 * exact settings the strategy reads under {@code frameworks.freqtrade.strategies.<name>.}: its
 * declared parameters, Freqtrade's generated ROI table, stoploss ({@code SKDecimal(-0.35, -0.02)})
 * and trailing stop ({@code trailing_stop=True}, positive in [0.01, 0.35], offset = positive +
 * [0.001, 0.1], only-offset-is-reached true or false), so a result can be pasted into a config.
 */
public final class SearchSpace {

  /** Prefix of every key a strategy instance reads. */
  public static final String STRATEGY_PREFIX = "frameworks.freqtrade.strategies.";

  private static final int MIN_DECIMALS = 3;
  private static final double MIN_GRID_STEPS = 1_000;

  private final String strategyName;
  private final Set<HyperoptSpace> spaces;
  private final List<SearchDimension> dimensions = new ArrayList<>();
  private final List<String> parameterNames = new ArrayList<>();

  /**
   * @throws IllegalArgumentException when the chosen spaces leave nothing to search (a strategy
   *     without declared parameters asked to search only {@code params})
   */
  public SearchSpace(String strategyName, ParameterSpace parameters, Timeframe timeframe, Set<HyperoptSpace> spaces) {
    this.strategyName = strategyName;
    this.spaces = Set.copyOf(spaces);
    if (spaces.contains(HyperoptSpace.PARAMS)) {
      for (Parameter p : parameters.parameters().values()) {
        dimensions.add(dimension(p));
        parameterNames.add(p.name());
      }
    }
    if (spaces.contains(HyperoptSpace.ROI)) {
      dimensions.addAll(RoiSpace.dimensions(timeframe));
    }
    if (spaces.contains(HyperoptSpace.STOPLOSS)) {
      dimensions.add(SearchDimension.decimal("stoploss", -0.35, -0.02, 3));
    }
    if (spaces.contains(HyperoptSpace.TRAILING)) {
      dimensions.add(SearchDimension.decimal("trailing_stop_positive", 0.01, 0.35, 3));
      dimensions.add(SearchDimension.decimal("trailing_stop_positive_offset_p1", 0.001, 0.1, 3));
      dimensions.add(SearchDimension.bool("trailing_only_offset_is_reached"));
    }
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("strategy '" + strategyName + "' declares no parameters, so the spaces "
          + spaces + " leave nothing to search; add roi, stoploss or trailing");
    }
  }

  /**
   * A declared parameter as an axis: its own range; decimals on a grid of at least 3 places and
   * fine enough for 1,000 steps across the range (Freqtrade's DecimalParameter rounds to 3),
   * bounds rounded inwards so every grid value is one the strategy accepts.
   */
  static SearchDimension dimension(Parameter p) {
    return switch (p.kind()) {
      case INTEGER -> SearchDimension.integer(p.name(), (long) Math.ceil(p.min()), (long) Math.floor(p.max()));
      case BOOLEAN -> SearchDimension.bool(p.name());
      case DECIMAL -> {
        double range = p.max() - p.min();
        int decimals = range <= 0 ? MIN_DECIMALS
            : Math.max(MIN_DECIMALS, (int) Math.ceil(Math.log10(MIN_GRID_STEPS / range)));
        double low = BigDecimal.valueOf(p.min()).setScale(decimals, RoundingMode.CEILING).doubleValue();
        double high = BigDecimal.valueOf(p.max()).setScale(decimals, RoundingMode.FLOOR).doubleValue();
        yield new SearchDimension(p.name(), SearchDimension.Kind.DECIMAL, low, high,
            BigDecimal.ONE.movePointLeft(decimals).doubleValue());
      }
    };
  }

  /** The axes, in order: parameters, roi_t1..t3 and roi_p1..p3, stoploss, trailing. */
  public List<SearchDimension> dimensions() {
    return List.copyOf(dimensions);
  }

  public String strategyName() {
    return strategyName;
  }

  /** The point by axis name, as numbers (integers as longs) and booleans, Freqtrade's names for the spaces. */
  public Map<String, Object> namedValues(double[] point) {
    Map<String, Object> named = new LinkedHashMap<>();
    for (int d = 0; d < dimensions.size(); d++) {
      named.put(dimensions.get(d).name(), typed(dimensions.get(d), point[d]));
    }
    return named;
  }

  /**
   * The strategy's settings at this point, relative to {@code frameworks.freqtrade.strategies.<name>.}:
   * {@code params} (an object), {@code minimalRoi} (minutes as text to ratio), {@code stoploss},
   * {@code trailingStop*}; values are numbers or booleans, ready to be a config fragment.
   */
  public Map<String, Object> settings(double[] point) {
    Map<String, Object> named = namedValues(point);
    Map<String, Object> settings = new LinkedHashMap<>();
    if (!parameterNames.isEmpty()) {
      Map<String, Object> params = new LinkedHashMap<>();
      parameterNames.forEach(name -> params.put(name, named.get(name)));
      settings.put("params", params);
    }
    if (spaces.contains(HyperoptSpace.ROI)) {
      Map<String, Object> roi = new LinkedHashMap<>();
      RoiSpace.table((Long) named.get("roi_t1"), (Long) named.get("roi_t2"), (Long) named.get("roi_t3"),
              decimal(named.get("roi_p1")), decimal(named.get("roi_p2")), decimal(named.get("roi_p3")))
          .forEach((minutes, ratio) -> roi.put(Long.toString(minutes), ratio.stripTrailingZeros()));
      settings.put("minimalRoi", roi);
    }
    if (spaces.contains(HyperoptSpace.STOPLOSS)) {
      settings.put("stoploss", named.get("stoploss"));
    }
    if (spaces.contains(HyperoptSpace.TRAILING)) {
      BigDecimal positive = decimal(named.get("trailing_stop_positive"));
      settings.put("trailingStop", true);
      settings.put("trailingStopPositive", positive);
      // Freqtrade's generate_trailing_params: the offset is searched as its distance above positive,
      // so it is always greater than positive, as the trailing stop requires.
      settings.put("trailingStopPositiveOffset",
          positive.add(decimal(named.get("trailing_stop_positive_offset_p1"))).stripTrailingZeros());
      settings.put("trailingOnlyOffsetIsReached", named.get("trailing_only_offset_is_reached"));
    }
    return settings;
  }

  /** The settings as {@code --set} overrides: {@code frameworks.freqtrade.strategies.<name>.<key>=<value>}. */
  public List<String> overrides(double[] point) {
    String at = STRATEGY_PREFIX + strategyName + ".";
    List<String> overrides = new ArrayList<>();
    for (Map.Entry<String, Object> setting : settings(point).entrySet()) {
      Object value = setting.getValue();
      if (setting.getKey().equals("params")) {
        ((Map<?, ?>) value).forEach((name, v) -> overrides.add(at + "params." + name + "=" + text(v)));
      } else if (value instanceof Map<?, ?> table) {
        overrides.add(at + setting.getKey() + "=" + jsonObject(table));
      } else {
        overrides.add(at + setting.getKey() + "=" + text(value));
      }
    }
    return overrides;
  }

  private static Object typed(SearchDimension axis, double value) {
    return switch (axis.kind()) {
      case INTEGER -> Math.round(value);
      case BOOLEAN -> value >= 0.5;
      case DECIMAL -> new BigDecimal(axis.format(value));
    };
  }

  private static BigDecimal decimal(Object value) {
    return (BigDecimal) value;
  }

  private static String text(Object value) {
    return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
  }

  /** {@code {"0":0.061,"8":0.021}}: keys sorted by minutes, values plain numbers. */
  private static String jsonObject(Map<?, ?> table) {
    Map<Long, Object> sorted = new TreeMap<>();
    table.forEach((k, v) -> sorted.put(Long.parseLong(k.toString()), v));
    StringBuilder json = new StringBuilder("{");
    sorted.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(text(v)));
    return json.append('}').toString();
  }
}
