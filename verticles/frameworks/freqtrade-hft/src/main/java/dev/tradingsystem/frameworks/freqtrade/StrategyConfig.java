package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.ParameterSpace;
import dev.tradingsystem.frameworks.freqtrade.strategy.Parameters;
import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyDefaults;
import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.strategy.TrailingStop;
import dev.tradingsystem.frameworks.freqtrade.trade.ExitSettings;
import dev.tradingsystem.frameworks.freqtrade.trade.StakeRules;
import dev.tradingsystem.frameworks.freqtrade.trade.TradeManager;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one strategy instance, {@code frameworks.freqtrade.strategies.<name>.*}: each setting from
 * the config (environment first, as everywhere), else from the strategy class's own defaults (ROI,
 * stoploss, trailing, timeframe, shorting, DCA), else the framework's. An unknown setting, an
 * unknown parameter, a value out of range or two settings that contradict each other stop the
 * service with the offending key. The trade-off of each setting is in the README's key table.
 */
final class StrategyConfig {

  static final String PREFIX = "frameworks.freqtrade.strategies.";
  /** Quote currency per trade: a tenth of the default wallet, so three trades leave most of it free. */
  static final double DEFAULT_STAKE_AMOUNT = 1_000;
  /** More slots spread risk over pairs; each slot is also a trade the risk gate must fund. */
  static final long DEFAULT_MAX_OPEN_TRADES = 3;
  /** Freqtrade's default: 1 % of the balance stays free for fees and slippage. */
  static final double DEFAULT_TRADABLE_BALANCE_RATIO = 0.99;
  /** The strategy's paper balance; the risk gate's allocation caps it again. */
  static final double DEFAULT_DRY_RUN_WALLET = 10_000;
  /** 10 bps a side, the paper exchange's taker fee: a ROI row below the round trip would exit at a loss. */
  static final double DEFAULT_FEE = 0.001;
  /** Market orders fill for sure (and pay the spread); limit orders may rest unfilled. */
  static final String DEFAULT_ORDER_TYPE = "market";
  /** Long enough for a limit at the last price to fill, short enough not to block the pair. */
  static final long DEFAULT_UNFILLED_TIMEOUT_MINUTES = 10;
  /** Freqtrade's default: amend the last stake only if at least half of it is left. */
  static final double DEFAULT_LAST_STAKE_AMOUNT_MIN_RATIO = 0.5;

  static final Set<String> SETTINGS = Set.of("strategy", "enabled", "pairs", "params", "minimalRoi", "stoploss",
      "trailingStop", "trailingStopPositive", "trailingStopPositiveOffset", "trailingOnlyOffsetIsReached",
      "useExitSignal", "exitProfitOnly", "exitProfitOffset", "ignoreRoiIfEntrySignal", "maxTradeMinutes", "timeframe",
      "canShort", "orderType", "unfilledTimeoutMinutes", "positionAdjustmentEnable", "maxEntryPositionAdjustment",
      "stakeAmount", "maxOpenTrades", "tradableBalanceRatio", "dryRunWallet", "minStake", "maxStake",
      "amendLastStakeAmount", "lastStakeAmountMinRatio", "fee", "protections");

  private static final double MAX_MONEY = 1e12;

  private StrategyConfig() {
  }

  static StrategySpec read(ConfigReader reader, String name, JsonObject tree, Strategies catalog) {
    String at = PREFIX + name + ".";
    for (String field : tree.fieldNames()) {
      if (!SETTINGS.contains(field)) {
        throw new ConfigException(at + field, "unknown setting, known: " + new TreeSet<>(SETTINGS));
      }
    }
    String type = reader.string(at + "strategy", name).trim();
    Strategies.Blueprint blueprint = catalog.blueprint(type).orElseThrow(
        () -> new ConfigException(at + "strategy", "'" + type + "' is not one of " + catalog.types()));
    Parameters parameters = parameters(reader, at + "params", blueprint.parameters());
    Strategy strategy = blueprint.factory().apply(parameters);
    StrategyDefaults defaults = strategy.defaults();
    Timeframe timeframe = timeframe(reader, at + "timeframe", defaults.timeframe());
    ExitSettings exits = new ExitSettings(
        roi(reader, at + "minimalRoi", defaults.minimalRoi()),
        BigDecimal.valueOf(reader.decimal(at + "stoploss", defaults.stoploss().doubleValue(), -0.99999999, -1e-9)),
        trailing(reader, at, defaults.trailing()),
        reader.bool(at + "useExitSignal", true),
        reader.bool(at + "exitProfitOnly", false),
        BigDecimal.valueOf(reader.decimal(at + "exitProfitOffset", 0, -1, 100)),
        reader.bool(at + "ignoreRoiIfEntrySignal", false),
        reader.integer(at + "maxTradeMinutes", 0L, 0L, 525_600L * 10),
        BigDecimal.valueOf(reader.decimal(at + "fee", DEFAULT_FEE, 0, 0.1)));
    TradeManager.Settings trading = new TradeManager.Settings(
        orderType(reader, at + "orderType"),
        reader.bool(at + "canShort", defaults.canShort()),
        reader.integer(at + "unfilledTimeoutMinutes", DEFAULT_UNFILLED_TIMEOUT_MINUTES, 1, 525_600),
        reader.bool(at + "positionAdjustmentEnable", defaults.positionAdjustmentEnable()),
        reader.integer(at + "maxEntryPositionAdjustment", defaults.maxEntryPositionAdjustment(), -1, 1_000));
    return new StrategySpec(name, ServiceNames.FREQTRADE + "." + name, type, pairs(reader, at + "pairs"), parameters,
        strategy, trading, exits, stake(reader, at), ProtectionConfig.read(reader, at + "protections", timeframe),
        timeframe);
  }

  /** Declared parameters: the {@code params} object, each one overridable on its own key. */
  private static Parameters parameters(ConfigReader reader, String key, ParameterSpace space) {
    Map<String, Object> given = new LinkedHashMap<>(object(reader, key, "an object of parameter values").getMap());
    for (String parameter : space.parameters().keySet()) {
      Object value = reader.raw(key + "." + parameter);
      if (value != null) {
        given.put(parameter, value);
      }
    }
    try {
      return space.parse(given);
    } catch (ParameterSpace.InvalidParameter e) {
      throw new ConfigException(key + "." + e.parameter(), e.getMessage());
    }
  }

  private static RoiTable roi(ConfigReader reader, String key, RoiTable defaultTable) {
    if (reader.raw(key) == null) {
      return defaultTable;
    }
    try {
      return RoiTable.parse(object(reader, key, "a JSON object of minutes to profit ratio").getMap());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  /** Freqtrade's trailing settings, with its two consistency rules named on our keys. */
  private static TrailingStop trailing(ConfigReader reader, String at, TrailingStop defaults) {
    boolean enabled = reader.bool(at + "trailingStop", defaults.enabled());
    BigDecimal positive = reader.raw(at + "trailingStopPositive") == null ? defaults.positive()
        : BigDecimal.valueOf(reader.decimal(at + "trailingStopPositive", 0.01, 1e-9, 0.99999999));
    BigDecimal offset = BigDecimal.valueOf(reader.decimal(at + "trailingStopPositiveOffset",
        defaults.positiveOffset().doubleValue(), 0, 100));
    boolean onlyOffset = reader.bool(at + "trailingOnlyOffsetIsReached", defaults.onlyOffsetIsReached());
    if (enabled && onlyOffset && offset.signum() == 0) {
      throw new ConfigException(at + "trailingOnlyOffsetIsReached",
          "needs trailingStopPositiveOffset above 0 (Freqtrade's trailing_only_offset_is_reached rule)");
    }
    if (enabled && positive != null && offset.signum() > 0 && offset.compareTo(positive) <= 0) {
      throw new ConfigException(at + "trailingStopPositiveOffset",
          offset + " must be greater than trailingStopPositive " + positive);
    }
    return new TrailingStop(enabled, positive, offset, onlyOffset);
  }

  private static StakeRules.Settings stake(ConfigReader reader, String at) {
    Object raw = reader.raw(at + "stakeAmount");
    boolean unlimited = raw != null && raw.toString().trim().equalsIgnoreCase("unlimited");
    BigDecimal stakeAmount = unlimited ? null
        : BigDecimal.valueOf(reader.decimal(at + "stakeAmount", DEFAULT_STAKE_AMOUNT, 1e-6, MAX_MONEY));
    int maxOpenTrades = (int) reader.integer(at + "maxOpenTrades", DEFAULT_MAX_OPEN_TRADES, -1, 100_000);
    if (unlimited && maxOpenTrades < 0) {
      throw new ConfigException(at + "maxOpenTrades", "cannot be unlimited (-1) when stakeAmount is \"unlimited\"");
    }
    BigDecimal maxStake = reader.raw(at + "maxStake") == null ? null
        : BigDecimal.valueOf(reader.decimal(at + "maxStake", MAX_MONEY, 1e-6, MAX_MONEY));
    return new StakeRules.Settings(stakeAmount, maxOpenTrades,
        BigDecimal.valueOf(reader.decimal(at + "tradableBalanceRatio", DEFAULT_TRADABLE_BALANCE_RATIO, 1e-6, 1)),
        BigDecimal.valueOf(reader.decimal(at + "dryRunWallet", DEFAULT_DRY_RUN_WALLET, 1e-6, MAX_MONEY)),
        BigDecimal.valueOf(reader.decimal(at + "minStake", 0, 0, MAX_MONEY)),
        maxStake,
        reader.bool(at + "amendLastStakeAmount", false),
        BigDecimal.valueOf(reader.decimal(at + "lastStakeAmountMinRatio", DEFAULT_LAST_STAKE_AMOUNT_MIN_RATIO, 0, 1)));
  }

  private static Set<String> pairs(ConfigReader reader, String key) {
    Set<String> pairs = new TreeSet<>();
    for (String pair : reader.strings(key, List.of())) {
      if (!Instruments.isValidSymbol(pair)) {
        throw new ConfigException(key, "'" + pair + "' is not a BASE/QUOTE pair");
      }
      pairs.add(pair);
    }
    return pairs;
  }

  private static Timeframe timeframe(ConfigReader reader, String key, Timeframe defaultValue) {
    Object raw = reader.raw(key);
    try {
      return raw == null ? defaultValue : Timeframe.parse(raw.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  private static OrderType orderType(ConfigReader reader, String key) {
    String value = reader.string(key, DEFAULT_ORDER_TYPE).trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "market" -> OrderType.MARKET;
      case "limit" -> OrderType.LIMIT;
      default -> throw new ConfigException(key, "expected market or limit, got '" + value + "'");
    };
  }

  /** A JSON object at {@code key} (a tree node or, from the environment, JSON text); empty when absent. */
  static JsonObject object(ConfigReader reader, String key, String expected) {
    Object raw = reader.raw(key);
    if (raw == null) {
      return new JsonObject();
    }
    if (raw instanceof JsonObject object) {
      return object;
    }
    try {
      return new JsonObject(raw.toString());
    } catch (DecodeException e) {
      throw new ConfigException(key, "expected " + expected + ", got '" + raw + "'");
    }
  }
}
