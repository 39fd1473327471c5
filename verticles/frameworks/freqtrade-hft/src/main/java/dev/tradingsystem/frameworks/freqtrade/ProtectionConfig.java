package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.CooldownPeriod;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.LowProfitPairs;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.MaxDrawdown;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protection;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.ProtectionWindow;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.StoplossGuard;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a strategy's {@code protections} list, written as in a Freqtrade config: objects with a
 * {@code method} and Freqtrade's parameter names ({@code lookback_period_candles},
 * {@code stop_duration_candles}, {@code trade_limit}, {@code only_per_pair}, ...; the camelCase
 * spelling {@code tradeLimit} is accepted too). Unknown methods and settings, values out of range,
 * and a duration given both in minutes and in candles are refused naming
 * {@code <key>[<index>].<setting>}. Defaults are Freqtrade's: lookback and stop duration 60 min.
 */
final class ProtectionConfig {

  static final long DEFAULT_MINUTES = 60;
  private static final Set<String> WINDOW = Set.of("lookback_period", "lookback_period_candles", "stop_duration",
      "stop_duration_candles");
  private static final Map<String, Set<String>> SETTINGS = Map.of(
      "StoplossGuard", Set.of("trade_limit", "only_per_pair", "only_per_side", "required_profit"),
      "MaxDrawdown", Set.of("trade_limit", "max_allowed_drawdown"),
      "CooldownPeriod", Set.of(),
      "LowProfitPairs", Set.of("trade_limit", "required_profit", "only_per_side"));
  private static final long MAX_MINUTES = 525_600L * 10;

  private ProtectionConfig() {
  }

  static List<Protection> read(ConfigReader reader, String key, Timeframe timeframe) {
    Object raw = reader.raw(key);
    JsonArray list;
    if (raw == null) {
      return List.of();
    } else if (raw instanceof JsonArray array) {
      list = array;
    } else {
      try {
        list = new JsonArray(raw.toString());
      } catch (DecodeException e) {
        throw new ConfigException(key, "expected a JSON array of protections, got '" + raw + "'");
      }
    }
    List<Protection> protections = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = key + "[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject object)) {
        throw new ConfigException(at, "expected an object with a method, got '" + list.getValue(i) + "'");
      }
      protections.add(protection(at, object, timeframe));
    }
    return protections;
  }

  private static Protection protection(String at, JsonObject object, Timeframe timeframe) {
    Object method = object.getValue("method");
    if (method == null || !SETTINGS.containsKey(method.toString())) {
      throw new ConfigException(at + ".method", "'" + method + "' is not one of " + new TreeSet<>(SETTINGS.keySet()));
    }
    String name = method.toString();
    Map<String, Object> values = new TreeMap<>();
    for (String field : object.fieldNames()) {
      if (field.equals("method")) {
        continue;
      }
      String setting = snake(field);
      if (!WINDOW.contains(setting) && !SETTINGS.get(name).contains(setting)) {
        Set<String> known = new TreeSet<>(WINDOW);
        known.addAll(SETTINGS.get(name));
        throw new ConfigException(at + "." + field, "not a setting of " + name + ", known: " + known);
      }
      values.put(setting, object.getValue(field));
    }
    ProtectionWindow window = new ProtectionWindow(
        minutes(at, values, "lookback_period", timeframe), minutes(at, values, "stop_duration", timeframe));
    return switch (name) {
      case "StoplossGuard" -> new StoplossGuard(window, (int) whole(at, values, "trade_limit", 10, 1, 1_000_000),
          flag(at, values, "only_per_pair"), flag(at, values, "only_per_side"),
          ratio(at, values, "required_profit", -1, 100));
      case "MaxDrawdown" -> new MaxDrawdown(window, (int) whole(at, values, "trade_limit", 1, 1, 1_000_000),
          ratio(at, values, "max_allowed_drawdown", 0, 100));
      case "LowProfitPairs" -> new LowProfitPairs(window, (int) whole(at, values, "trade_limit", 1, 1, 1_000_000),
          ratio(at, values, "required_profit", -1, 100), flag(at, values, "only_per_side"));
      default -> new CooldownPeriod(window);
    };
  }

  /** {@code <base>} in minutes, or {@code <base>_candles} in candles of the timeframe; not both. */
  private static long minutes(String at, Map<String, Object> values, String base, Timeframe timeframe) {
    String candles = base + "_candles";
    if (values.containsKey(base) && values.containsKey(candles)) {
      throw new ConfigException(at + "." + base, "give " + base + " (minutes) or " + candles + ", not both");
    }
    if (values.containsKey(candles)) {
      return timeframe.minutesOf(whole(at, values, candles, 1, 0, MAX_MINUTES));
    }
    return whole(at, values, base, DEFAULT_MINUTES, 0, MAX_MINUTES);
  }

  private static long whole(String at, Map<String, Object> values, String setting, long defaultValue, long min,
      long max) {
    Object value = values.get(setting);
    if (value == null) {
      return defaultValue;
    }
    long result;
    try {
      BigDecimal number = new BigDecimal(value.toString().trim());
      result = number.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new ConfigException(at + "." + setting, "expected a whole number, got '" + value + "'");
    }
    if (result < min || result > max) {
      throw new ConfigException(at + "." + setting, result + " is outside [" + min + ", " + max + "]");
    }
    return result;
  }

  private static BigDecimal ratio(String at, Map<String, Object> values, String setting, double min, double max) {
    Object value = values.get(setting);
    if (value == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal result;
    try {
      result = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(at + "." + setting, "expected a number, got '" + value + "'");
    }
    if (result.doubleValue() < min || result.doubleValue() > max) {
      throw new ConfigException(at + "." + setting, result + " is outside [" + min + ", " + max + "]");
    }
    return result;
  }

  private static boolean flag(String at, Map<String, Object> values, String setting) {
    Object value = values.get(setting);
    if (value == null) {
      return false;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new ConfigException(at + "." + setting, "expected true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(text);
  }

  /** {@code tradeLimit} → {@code trade_limit}; snake_case stays as it is. */
  static String snake(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
