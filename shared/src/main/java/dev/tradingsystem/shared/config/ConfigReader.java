package dev.tradingsystem.shared.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed, validated reads of dotted config keys. Precedence, lowest first: the default passed by
 * the caller (the module's own), the config file, environment variables, {@code --set} on the
 * command line. The launcher merges file and {@code --set} into one tree and hands the
 * environment under {@value #ENV_KEY}, minus the variables a {@code --set} overrode, so a
 * reader only has to prefer environment over tree.
 *
 * <p>Environment names: {@code TRADING_} plus the key upper-cased, dots and dashes as
 * underscores and camelCase split: {@code agents.deepseek.backend} →
 * {@code TRADING_AGENTS_DEEPSEEK_BACKEND}, {@code risk.maxOrderNotional} →
 * {@code TRADING_RISK_MAX_ORDER_NOTIONAL}.
 */
public final class ConfigReader {

  /** Key of the deployment config entry that carries the environment snapshot. */
  public static final String ENV_KEY = "$env";

  private final JsonObject tree;
  private final JsonObject env;

  private ConfigReader(JsonObject tree, JsonObject env) {
    this.tree = tree;
    this.env = env;
  }

  /** Reads a deployment config; without an environment snapshot in it, the process environment is used. */
  public static ConfigReader of(JsonObject config) {
    JsonObject cfg = config == null ? new JsonObject() : config;
    JsonObject env = cfg.getJsonObject(ENV_KEY);
    if (env == null) {
      env = new JsonObject();
      for (Map.Entry<String, String> e : System.getenv().entrySet()) {
        if (e.getKey().startsWith("TRADING_")) {
          env.put(e.getKey(), e.getValue());
        }
      }
    }
    return new ConfigReader(cfg, env);
  }

  public static String envName(String key) {
    StringBuilder sb = new StringBuilder("TRADING_");
    char previous = '.';
    for (char c : key.toCharArray()) {
      if (c == '.' || c == '-') {
        sb.append('_');
      } else if (Character.isUpperCase(c) && Character.isLetterOrDigit(previous) && previous != '.') {
        sb.append('_').append(c);
      } else {
        sb.append(Character.toUpperCase(c));
      }
      previous = c;
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  /** The raw value of a key, or null: environment first, then the tree. */
  public Object raw(String key) {
    String fromEnv = env.getString(envName(key));
    if (fromEnv != null) {
      return fromEnv;
    }
    Object node = tree;
    for (String part : key.split("\\.")) {
      if (!(node instanceof JsonObject object)) {
        return null;
      }
      node = object.getValue(part);
    }
    return node;
  }

  public String string(String key, String defaultValue) {
    Object value = raw(key);
    return value == null ? defaultValue : value.toString();
  }

  public String requiredString(String key) {
    String value = string(key, null);
    if (value == null || value.isBlank()) {
      throw new ConfigException(key, "is required");
    }
    return value;
  }

  public boolean bool(String key, boolean defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String s = value.toString().trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new ConfigException(key, "expected true or false, got '" + value + "'");
    };
  }

  public long integer(String key, long defaultValue, long min, long max) {
    Object value = raw(key);
    long result;
    if (value == null) {
      result = defaultValue;
    } else if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
      result = n.longValue();
    } else {
      try {
        result = Long.parseLong(value.toString().trim().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "expected a whole number, got '" + value + "'");
      }
    }
    if (result < min || result > max) {
      throw new ConfigException(key, result + " is outside [" + min + ", " + max + "]");
    }
    return result;
  }

  public int integer(String key, int defaultValue, int min, int max) {
    return (int) integer(key, (long) defaultValue, (long) min, (long) max);
  }

  public double decimal(String key, double defaultValue, double min, double max) {
    Object value = raw(key);
    double result;
    if (value == null) {
      result = defaultValue;
    } else if (value instanceof Number n) {
      result = n.doubleValue();
    } else {
      try {
        result = Double.parseDouble(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "expected a number, got '" + value + "'");
      }
    }
    if (!Double.isFinite(result) || result < min || result > max) {
      throw new ConfigException(key, result + " is outside [" + min + ", " + max + "]");
    }
    return result;
  }

  /** A list from a JSON array or a comma-separated string. */
  public List<String> strings(String key, List<String> defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    List<String> result = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object o : array) {
        result.add(String.valueOf(o));
      }
    } else {
      for (String part : value.toString().split(",")) {
        if (!part.isBlank()) {
          result.add(part.trim());
        }
      }
    }
    return List.copyOf(result);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    String wanted = value.toString().trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase(Locale.ROOT));
    }
    throw new ConfigException(key, "'" + value + "' is not one of " + allowed);
  }

  /**
   * Environment variables below a key, by the rest of their name in lower case with underscores
   * as dots: under {@code kafka.properties}, {@code TRADING_KAFKA_PROPERTIES_SASL_MECHANISM=X}
   * gives {@code sasl.mechanism -> X}. For pass-through maps whose own keys are lower-case and
   * dotted (Kafka client properties), which {@link #envName} cannot spell back.
   */
  public Map<String, String> environmentUnder(String key) {
    String prefix = envName(key) + "_";
    Map<String, String> result = new TreeMap<>();
    for (Map.Entry<String, Object> e : env) {
      if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length() && e.getValue() != null) {
        String rest = e.getKey().substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        result.put(rest, e.getValue().toString());
      }
    }
    return result;
  }

  /** The subtree at a key, or an empty object. */
  public JsonObject object(String key) {
    Object value = raw(key);
    return value instanceof JsonObject o ? o : new JsonObject();
  }
}
