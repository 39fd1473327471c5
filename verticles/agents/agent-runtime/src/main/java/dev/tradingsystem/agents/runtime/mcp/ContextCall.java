package dev.tradingsystem.agents.runtime.mcp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One coordinator tool call an agent makes to give its prompt context, as written in
 * {@code agents.<short>.mcp.context}:
 * <ul>
 *   <li>{@code forecast}: the tool with the event's symbol, {@code {"symbol": "BTC/USD"}}, which
 *       is what most of the coordinator's tools take;</li>
 *   <li>{@code get_features(symbol=$symbol;timeframe=1m)}: explicit arguments, separated by
 *       {@code ;} (a comma separates list entries in environment variables), {@code $symbol}
 *       standing for the event's symbol;</li>
 *   <li>{@code get_risk_state()}: no arguments.</li>
 * </ul>
 * Values that read as integers, decimals or {@code true}/{@code false} are sent as such, anything
 * else as a string.
 *
 * @param tool      the coordinator tool's name
 * @param arguments argument templates in written order; {@link #SYMBOL} values are replaced per event
 */
public record ContextCall(String tool, Map<String, Object> arguments) {

  /** Stands for the symbol of the event the context is fetched for. */
  public static final String SYMBOL = "$symbol";

  private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_.-]{1,128})\\s*(?:\\((.*)\\))?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  public ContextCall {
    arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }

  /**
   * Parses one entry.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static ContextCall parse(String entry) {
    String text = entry == null ? "" : entry.trim();
    Matcher matcher = ENTRY.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected tool, tool() or tool(name=value;...), got '" + text + "'");
    }
    String tool = matcher.group(1);
    String list = matcher.group(2);
    Map<String, Object> arguments = new LinkedHashMap<>();
    if (list == null) {
      arguments.put("symbol", SYMBOL);
      return new ContextCall(tool, arguments);
    }
    for (String pair : list.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair.trim() : pair.substring(0, equals).trim();
      if (equals < 0 || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("argument '" + pair.trim() + "' of " + tool + " is not name=value");
      }
      if (arguments.put(name, value(pair.substring(equals + 1).trim())) != null) {
        throw new IllegalArgumentException("argument '" + name + "' of " + tool + " given twice");
      }
    }
    return new ContextCall(tool, arguments);
  }

  /** The arguments for an event on {@code symbol}, in written order. */
  public Map<String, Object> argumentsFor(String symbol) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    arguments.forEach((name, value) -> resolved.put(name, SYMBOL.equals(value) ? symbol : value));
    return resolved;
  }

  private static Object value(String text) {
    if (INTEGER.matcher(text).matches()) {
      return Long.parseLong(text);
    }
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if ("true".equals(text) || "false".equals(text)) {
      return Boolean.parseBoolean(text);
    }
    return text;
  }

  @Override
  public String toString() {
    return tool + arguments;
  }
}
