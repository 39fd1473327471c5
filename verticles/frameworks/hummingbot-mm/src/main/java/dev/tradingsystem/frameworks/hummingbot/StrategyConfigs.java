package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.CycleSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.ExecutionTimeframe;
import dev.tradingsystem.frameworks.hummingbot.quoting.RefreshPolicy;
import dev.tradingsystem.frameworks.hummingbot.quoting.pmm.PmmSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.pmm.PureMarketMaking;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one strategy's keys, {@code hummingbot.strategy.<name>.*}, named after Hummingbot's
 * parameters (camelCase; percentages in percent as in Hummingbot). Every value is range-checked
 * and an unknown key is refused, so a typo ({@code bidSpred}) fails the start naming the key
 * instead of quoting with a default. The README's table maps each Hummingbot parameter to its key.
 */
public final class StrategyConfigs {

  /** The strategy kinds, as {@code hummingbot.strategy.<name>.type} names them. */
  public enum Kind { AVELLANEDA_STOIKOV, PURE_MARKET_MAKING }

  private static final long MICROS = 1_000_000L;
  private static final double DAY_SECONDS = 86_400;
  private static final Set<String> CYCLE_KEYS = Set.of("type", "symbols", "orderRefreshTime",
      "orderRefreshTolerancePct", "maxOrderAge", "filledOrderDelay", "hangingOrdersEnabled",
      "hangingOrdersCancelPct", "budgetConstraint");
  private static final Set<String> PMM_KEYS = Set.of("bidSpread", "askSpread", "orderLevels", "orderLevelSpread",
      "orderAmount", "orderLevelAmount", "inventorySkewEnabled", "inventoryTargetBasePct",
      "inventoryRangeMultiplier", "priceCeiling", "priceFloor", "minimumSpread");
  private static final Set<String> AS_KEYS = Set.of("riskFactor", "orderBookDepthFactor", "kappaEstimation",
      "tradingIntensityWindowSeconds", "tradingIntensityMinTrades", "volatilityHalfLifeSeconds",
      "volatilityMinSamples", "horizonSeconds", "executionTimeframe", "startTime", "endTime", "minSpread",
      "consensusSkewBps", "inventoryTargetBasePct", "orderAmount", "maxInventory");

  private StrategyConfigs() {
  }

  /** The prefix of a strategy's keys. */
  static String prefix(String name) {
    return "hummingbot.strategy." + name + ".";
  }

  /** Reads strategy {@code name} from its keys; a bad or unknown key fails naming it. */
  static StrategySpec read(ConfigReader reader, String name) {
    String p = prefix(name);
    Kind kind = reader.raw(p + "type") == null ? defaultKind(name, p) : reader.enumValue(p + "type", Kind.class, null);
    checkKnownKeys(reader, name, kind == Kind.PURE_MARKET_MAKING ? PMM_KEYS : AS_KEYS);
    Set<String> symbols = new LinkedHashSet<>();
    for (String symbol : reader.strings(p + "symbols", List.of())) {
      if (!Instruments.isValidSymbol(symbol)) {
        throw new ConfigException(p + "symbols", "'" + symbol + "' is not a BASE/QUOTE symbol");
      }
      symbols.add(symbol);
    }
    return kind == Kind.PURE_MARKET_MAKING
        ? new StrategySpec(name, kind, symbols, null, pmm(reader, p),
            cycle(reader, p, 30, reader.decimal(p + "minimumSpread", -100, -100, 100), true))
        : new StrategySpec(name, kind, symbols, avellanedaStoikov(reader, p), null, cycle(reader, p, 10, -1, false));
  }

  private static Kind defaultKind(String name, String p) {
    if (name.equals(AvellanedaStoikovMaker.NAME)) {
      return Kind.AVELLANEDA_STOIKOV;
    }
    if (name.equals(PureMarketMaking.NAME)) {
      return Kind.PURE_MARKET_MAKING;
    }
    throw new ConfigException(p + "type", "is required (avellaneda-stoikov or pure-market-making)");
  }

  private static void checkKnownKeys(ConfigReader reader, String name, Set<String> own) {
    String p = prefix(name);
    for (String key : reader.object("hummingbot.strategy." + name).fieldNames()) {
      if (!CYCLE_KEYS.contains(key) && !own.contains(key)) {
        throw new ConfigException(p + key, "is not a parameter of this strategy type");
      }
    }
  }

  private static CycleSettings cycle(ConfigReader reader, String p, double defaultRefreshSeconds,
      double minimumSpreadPct, boolean defaultBudget) {
    double refresh = reader.decimal(p + "orderRefreshTime", defaultRefreshSeconds, 0.001, DAY_SECONDS);
    double tolerance = reader.decimal(p + "orderRefreshTolerancePct", 0, -1, 100);
    double maxAge = reader.decimal(p + "maxOrderAge", 1800, 0.001, 30 * DAY_SECONDS);
    double delay = reader.decimal(p + "filledOrderDelay", 60, 0, DAY_SECONDS);
    return new CycleSettings(new RefreshPolicy(micros(refresh), tolerance), micros(maxAge), micros(delay),
        minimumSpreadPct,
        reader.bool(p + "hangingOrdersEnabled", false),
        reader.decimal(p + "hangingOrdersCancelPct", 10, 0, 100),
        reader.bool(p + "budgetConstraint", defaultBudget));
  }

  private static PmmSettings pmm(ConfigReader reader, String p) {
    double ceiling = reader.decimal(p + "priceCeiling", -1, -1, 1e12);
    double floor = reader.decimal(p + "priceFloor", -1, -1, 1e12);
    if (ceiling > 0 && floor > 0 && floor >= ceiling) {
      throw new ConfigException(p + "priceFloor", floor + " is not below priceCeiling " + ceiling);
    }
    return new PmmSettings(
        reader.decimal(p + "bidSpread", 1, 0, 100),
        reader.decimal(p + "askSpread", 1, 0, 100),
        reader.integer(p + "orderLevels", 1, 1, 100),
        reader.decimal(p + "orderLevelSpread", 1, 0, 100),
        reader.decimal(p + "orderAmount", 0.01, 1e-12, 1e9),
        reader.decimal(p + "orderLevelAmount", 0, 0, 1e9),
        reader.bool(p + "inventorySkewEnabled", false),
        reader.decimal(p + "inventoryTargetBasePct", 50, 0, 100),
        reader.decimal(p + "inventoryRangeMultiplier", 1, 1e-6, 1e6),
        ceiling, floor);
  }

  private static AvellanedaStoikovSettings avellanedaStoikov(ConfigReader reader, String p) {
    return new AvellanedaStoikovSettings(
        reader.decimal(p + "riskFactor", 0.1, 1e-9, 1e6),
        reader.decimal(p + "orderBookDepthFactor", 1.5, 1e-9, 1e12),
        reader.bool(p + "kappaEstimation", true),
        reader.decimal(p + "tradingIntensityWindowSeconds", 300, 1, 7 * DAY_SECONDS),
        reader.integer(p + "tradingIntensityMinTrades", 20, 1, 1_000_000),
        reader.decimal(p + "volatilityHalfLifeSeconds", 60, 0.001, 7 * DAY_SECONDS),
        reader.integer(p + "volatilityMinSamples", 30, 1, 1_000_000),
        reader.decimal(p + "horizonSeconds", 60, 0.001, 365 * DAY_SECONDS),
        timeframe(reader, p),
        reader.decimal(p + "minSpread", 0.1, 0, 100),
        reader.decimal(p + "consensusSkewBps", 5, 0, 1_000),
        reader.decimal(p + "inventoryTargetBasePct", 0, 0, 100),
        reader.decimal(p + "orderAmount", 0.05, 1e-12, 1e9),
        reader.decimal(p + "maxInventory", 1, 1e-12, 1e12));
  }

  private static ExecutionTimeframe timeframe(ConfigReader reader, String p) {
    ExecutionTimeframe.Mode mode = reader.enumValue(p + "executionTimeframe", ExecutionTimeframe.Mode.class,
        ExecutionTimeframe.Mode.INFINITE);
    return switch (mode) {
      case INFINITE -> ExecutionTimeframe.infinite();
      case FROM_DATE_TO_DATE -> {
        Instant start = parsed(reader, p + "startTime", Instant::parse);
        Instant end = parsed(reader, p + "endTime", Instant::parse);
        if (!end.isAfter(start)) {
          throw new ConfigException(p + "endTime", end + " is not after startTime " + start);
        }
        yield ExecutionTimeframe.between(start, end);
      }
      case DAILY_BETWEEN_TIMES -> {
        LocalTime start = parsed(reader, p + "startTime", LocalTime::parse);
        LocalTime end = parsed(reader, p + "endTime", LocalTime::parse);
        if (start.equals(end)) {
          throw new ConfigException(p + "endTime", "equals startTime: the daily window is empty");
        }
        yield ExecutionTimeframe.daily(start, end);
      }
    };
  }

  private static <T> T parsed(ConfigReader reader, String key, Function<String, T> parser) {
    String text = reader.requiredString(key).trim();
    try {
      return parser.apply(text);
    } catch (DateTimeException e) {
      throw new ConfigException(key, "'" + text + "' is not a time (" + e.getMessage() + ")");
    }
  }

  private static long micros(double seconds) {
    return Math.max(1, Math.round(seconds * MICROS));
  }
}
