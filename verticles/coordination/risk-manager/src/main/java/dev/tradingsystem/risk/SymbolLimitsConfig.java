package dev.tradingsystem.risk;

import dev.tradingsystem.risk.rules.SymbolLimits;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the symbol-keyed tables {@code risk.instruments.<key>.*} and {@code risk.symbols.<key>.*}
 * and the list {@code risk.restrictedSymbols}. A key is the symbol with a dash for the slash
 * ({@code BTC-USD}, since a dot or slash is awkward in a file key or an environment name) or the
 * symbol itself quoted ({@code "BTC/USD"}). Unknown fields fail, naming the key, so a typo never
 * silently drops a limit.
 */
final class SymbolLimitsConfig {

  static final String INSTRUMENTS = "risk.instruments";
  static final String SYMBOLS = "risk.symbols";
  static final String RESTRICTED = "risk.restrictedSymbols";
  private static final Set<String> INSTRUMENT_FIELDS = Set.of("maxSize", "minNotional", "maxNotional");
  private static final Set<String> SYMBOL_FIELDS = Set.of("maxQuantity", "maxNotional", "maxPosition");
  private static final double MAX_MONEY = 1e12;
  private static final double MAX_SIZE = 1e9;

  private SymbolLimitsConfig() {
  }

  /** The symbol a config key names, e.g. {@code BTC-USD} → {@code BTC/USD}. */
  static String symbolOf(String configKey, String key) {
    String symbol = configKey.contains("/") ? configKey : configKey.replace('-', '/');
    if (!Instruments.isValidSymbol(symbol)) {
      throw new ConfigException(key, "'" + configKey + "' is not a symbol: write BASE-QUOTE (BTC-USD) or \"BASE/QUOTE\"");
    }
    return symbol;
  }

  static Map<String, SymbolLimits> read(ConfigReader config) {
    Map<String, double[]> instruments = table(config, INSTRUMENTS, INSTRUMENT_FIELDS, List.of("maxSize", "minNotional", "maxNotional"));
    Map<String, double[]> symbols = table(config, SYMBOLS, SYMBOL_FIELDS, List.of("maxQuantity", "maxNotional", "maxPosition"));
    Set<String> all = new LinkedHashSet<>(instruments.keySet());
    all.addAll(symbols.keySet());
    Map<String, SymbolLimits> result = new HashMap<>();
    for (String symbol : all) {
      double[] i = instruments.getOrDefault(symbol, new double[3]);
      double[] s = symbols.getOrDefault(symbol, new double[3]);
      if (i[2] > 0 && i[1] > i[2]) {
        throw new ConfigException(INSTRUMENTS + "." + symbol.replace('/', '-') + ".minNotional", "is above maxNotional");
      }
      result.put(symbol, new SymbolLimits(i[0], money(i[1]), money(i[2]), s[0], money(s[1]), s[2]));
    }
    return result;
  }

  static Set<String> restricted(ConfigReader config) {
    Set<String> result = new LinkedHashSet<>();
    for (String entry : config.strings(RESTRICTED, List.of())) {
      result.add(symbolOf(entry.trim(), RESTRICTED));
    }
    return result;
  }

  /** Per symbol, the fields in {@code order}; 0 where not set. */
  private static Map<String, double[]> table(ConfigReader config, String root, Set<String> fields, List<String> order) {
    Map<String, double[]> result = new HashMap<>();
    JsonObject tree = config.object(root);
    for (String configKey : new ArrayList<>(tree.fieldNames())) {
      String entryKey = root + "." + configKey;
      String symbol = symbolOf(configKey, entryKey);
      if (!(tree.getValue(configKey) instanceof JsonObject entry)) {
        throw new ConfigException(entryKey, "must be an object with " + fields);
      }
      for (String field : entry.fieldNames()) {
        if (!fields.contains(field)) {
          throw new ConfigException(entryKey + "." + field, "is not a known field; expected one of " + fields);
        }
      }
      double[] values = new double[order.size()];
      for (int n = 0; n < order.size(); n++) {
        String field = order.get(n);
        double max = field.endsWith("Notional") ? MAX_MONEY : MAX_SIZE;
        values[n] = config.decimal(entryKey + "." + field, 0, 0, max);
      }
      result.put(symbol, values);
    }
    return result;
  }

  private static long money(double quote) {
    return quote <= 0 ? 0 : FixedPoint.toUnits(quote, FixedPoint.MONEY_SCALE);
  }
}
