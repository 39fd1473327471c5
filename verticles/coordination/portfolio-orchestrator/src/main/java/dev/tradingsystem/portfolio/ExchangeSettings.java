package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.exchange.FeeSchedule;
import dev.tradingsystem.portfolio.exchange.PaperExchangeConfig;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the paper exchange's {@code exchange.*} keys into a {@link PaperExchangeConfig}:
 * {@code halfSpreadBps}, {@code takerFeeBps}, {@code makerFeeBps}, {@code submitLatencyUs},
 * {@code cancelLatencyUs}, {@code queuePower} and the fee schedule {@code exchange.fees}.
 *
 * <p>{@code exchange.fees} maps {@code venue:symbol}, {@code symbol} or {@code venue} to
 * {@code {makerBps, takerBps}} (either may be left out: it falls back to the defaults). Symbols
 * carry no dots, so {@code --set exchange.fees.binance:BTC/USDT.makerBps=1} writes one entry; the
 * whole map may also come as a JSON string ({@code TRADING_EXCHANGE_FEES}).
 */
final class ExchangeSettings {

  static final String FEES_KEY = "exchange.fees";
  private static final String MAKER = "makerBps";
  private static final String TAKER = "takerBps";

  private ExchangeSettings() {
  }

  static PaperExchangeConfig from(ConfigReader reader) {
    double maker = reader.decimal("exchange.makerFeeBps", PaperExchangeConfig.DEFAULT_MAKER_FEE_BPS, 0,
        PaperExchangeConfig.MAX_BPS);
    double taker = reader.decimal("exchange.takerFeeBps", PaperExchangeConfig.DEFAULT_TAKER_FEE_BPS, 0,
        PaperExchangeConfig.MAX_BPS);
    FeeSchedule.Rates defaults = new FeeSchedule.Rates(maker, taker);
    return new PaperExchangeConfig(
        reader.decimal("exchange.halfSpreadBps", PaperExchangeConfig.DEFAULT_HALF_SPREAD_BPS, 0, PaperExchangeConfig.MAX_BPS),
        new FeeSchedule(defaults, overrides(reader, defaults)),
        reader.integer("exchange.submitLatencyUs", PaperExchangeConfig.DEFAULT_SUBMIT_LATENCY_US, 0,
            PaperExchangeConfig.MAX_LATENCY_US),
        reader.integer("exchange.cancelLatencyUs", PaperExchangeConfig.DEFAULT_CANCEL_LATENCY_US, 0,
            PaperExchangeConfig.MAX_LATENCY_US),
        reader.decimal("exchange.queuePower", PaperExchangeConfig.DEFAULT_QUEUE_POWER,
            PaperExchangeConfig.MIN_QUEUE_POWER, PaperExchangeConfig.MAX_QUEUE_POWER));
  }

  private static Map<String, FeeSchedule.Rates> overrides(ConfigReader reader, FeeSchedule.Rates defaults) {
    JsonObject tree = tree(reader.raw(FEES_KEY));
    Map<String, FeeSchedule.Rates> overrides = new TreeMap<>();
    for (String name : tree.fieldNames()) {
      String key = FEES_KEY + "." + name;
      if (!(tree.getValue(name) instanceof JsonObject entry)) {
        throw new ConfigException(key, "expected {makerBps, takerBps}, got '" + tree.getValue(name) + "'");
      }
      for (String field : entry.fieldNames()) {
        if (!field.equals(MAKER) && !field.equals(TAKER)) {
          throw new ConfigException(key + "." + field, "unknown field: only makerBps and takerBps");
        }
      }
      overrides.put(name, new FeeSchedule.Rates(
          bps(reader, key + "." + MAKER, entry.getValue(MAKER), defaults.makerBps()),
          bps(reader, key + "." + TAKER, entry.getValue(TAKER), defaults.takerBps())));
    }
    return overrides;
  }

  /** The tree's value, checked like any other key (so the environment may still override it). */
  private static double bps(ConfigReader reader, String key, Object value, double fallback) {
    double given;
    if (value == null) {
      given = fallback;
    } else if (value instanceof Number number) {
      given = number.doubleValue();
    } else {
      try {
        given = Double.parseDouble(String.valueOf(value).trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "expected basis points, got '" + value + "'");
      }
    }
    return reader.decimal(key, given, 0, PaperExchangeConfig.MAX_BPS);
  }

  private static JsonObject tree(Object raw) {
    if (raw == null) {
      return new JsonObject();
    }
    if (raw instanceof JsonObject object) {
      return object;
    }
    if (raw instanceof Map<?, ?> map) {
      JsonObject tree = new JsonObject();
      map.forEach((k, v) -> tree.put(String.valueOf(k), v));
      return tree;
    }
    try {
      return new JsonObject(raw.toString());
    } catch (DecodeException e) {
      throw new ConfigException(FEES_KEY, "expected an object of venue/symbol to {makerBps, takerBps}, got '" + raw + "'");
    }
  }
}
