package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.AllocationPolicy;
import dev.tradingsystem.portfolio.allocation.AllocationSettings;
import dev.tradingsystem.portfolio.allocation.CapitalAllocator;
import dev.tradingsystem.portfolio.allocation.FixedFractionAllocation;
import dev.tradingsystem.portfolio.exchange.PaperExchangeConfig;
import dev.tradingsystem.portfolio.journal.JournalConfig;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.kafka.KafkaSettings;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The portfolio-orchestrator's settings, read once at start and validated; a bad value fails the
 * deployment with a message naming its key.
 *
 * @param clockMode {@code clock.mode}: "event" (replay: time is the tape's) or "wall" (live).
 * @param exchange {@code exchange.halfSpreadBps}, {@code exchange.takerFeeBps},
 *     {@code exchange.makerFeeBps}, {@code exchange.fees} (per venue/instrument),
 *     {@code exchange.submitLatencyUs}, {@code exchange.cancelLatencyUs}, {@code exchange.queuePower}:
 *     see {@link PaperExchangeConfig} for the trade-offs and {@link ExchangeSettings} for the formats.
 * @param symbols {@code exchange.symbols}: symbols accepted before their first trade. Symbols
 *     that trade on the tape are accepted anyway; listing one only lets a strategy place orders
 *     ahead of its first print.
 * @param initialCapitalMicros {@code portfolio.initialCapital} in quote currency units: the cash
 *     the paper account starts with and the base of every strategy's allocation and drawdown.
 * @param defaultAllocation {@code portfolio.defaultAllocation}: fraction of capital for a
 *     strategy that is not configured. Generous lets a new strategy trade without config; small
 *     keeps an unknown strategy from taking risk it was never given.
 * @param allocations {@code portfolio.allocations.<strategyId>}: configured fractions, each in
 *     [0, 1], together at most 1 so configured strategies cannot promise the same capital twice.
 * @param maxLeverage {@code portfolio.maxLeverage}: gross notional a strategy may hold as a
 *     multiple of its capital. 1 means fully funded; above 1 borrows against equity.
 * @param journal {@code portfolio.journal.backend} ({@code none | file | kafka}),
 *     {@code portfolio.journal.dir}, {@code portfolio.journal.fsync},
 *     {@code portfolio.journal.fsyncIntervalMs}, {@code portfolio.journal.kafkaTopic} (with the
 *     {@code kafka.*} settings): the durable order journal; off unless a dir is set or the backend
 *     is kafka. See {@link JournalConfig} for the trade-offs.
 * @param allocation {@code portfolio.allocation.*}: the budget policy (default {@code fixed}, which
 *     keeps the fractions above of the initial capital), its schedule and parameters; see
 *     {@link AllocationSettings} for the trade-offs.
 */
public record PortfolioConfig(
    String clockMode,
    PaperExchangeConfig exchange,
    List<String> symbols,
    long initialCapitalMicros,
    double defaultAllocation,
    Map<String, Double> allocations,
    double maxLeverage,
    JournalConfig journal,
    AllocationSettings allocation) {

  public static final String DEFAULT_CLOCK_MODE = "event";
  public static final List<String> DEFAULT_SYMBOLS = List.of("BTC/USD");
  public static final double DEFAULT_INITIAL_CAPITAL = 100_000;
  public static final double DEFAULT_ALLOCATION = 0.25;
  public static final double DEFAULT_MAX_LEVERAGE = 1.0;

  static final String ALLOCATIONS_KEY = "portfolio.allocations";
  private static final double MAX_CAPITAL = 1e12;
  private static final double MAX_LEVERAGE = 100;
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public static PortfolioConfig from(ConfigReader reader) {
    String clockMode = reader.string("clock.mode", DEFAULT_CLOCK_MODE);
    if (!clockMode.equals("event") && !clockMode.equals("wall")) {
      throw new ConfigException("clock.mode", "must be 'event' or 'wall', got '" + clockMode + "'");
    }
    PaperExchangeConfig exchange = ExchangeSettings.from(reader);
    List<String> symbols = reader.strings("exchange.symbols", DEFAULT_SYMBOLS);
    for (String symbol : symbols) {
      if (!Instruments.isValidSymbol(symbol)) {
        throw new ConfigException("exchange.symbols", "'" + symbol + "' is not a BASE/QUOTE symbol");
      }
    }
    double capital = reader.decimal("portfolio.initialCapital", DEFAULT_INITIAL_CAPITAL, 0.01, MAX_CAPITAL);
    return new PortfolioConfig(clockMode, exchange, symbols,
        FixedPoint.toUnits(capital, FixedPoint.MONEY_SCALE),
        reader.decimal("portfolio.defaultAllocation", DEFAULT_ALLOCATION, 0, 1),
        allocations(reader),
        reader.decimal("portfolio.maxLeverage", DEFAULT_MAX_LEVERAGE, 0, MAX_LEVERAGE),
        journal(reader),
        AllocationSettings.from(reader));
  }

  private static JournalConfig journal(ConfigReader reader) {
    String dir = reader.string("portfolio.journal.dir", "").trim();
    Optional<Path> path;
    try {
      path = dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath());
    } catch (InvalidPathException e) {
      throw new ConfigException("portfolio.journal.dir", "'" + dir + "' is not a path: " + e.getMessage());
    }
    JournalConfig.Backend backend = reader.enumValue("portfolio.journal.backend", JournalConfig.Backend.class,
        path.isPresent() ? JournalConfig.Backend.FILE : JournalConfig.Backend.NONE);
    String topic = reader.string("portfolio.journal.kafkaTopic", JournalConfig.DEFAULT_KAFKA_TOPIC).trim();
    Optional<KafkaSettings> kafka = Optional.empty();
    switch (backend) {
      case NONE -> {
        if (path.isPresent()) {
          throw new ConfigException("portfolio.journal.backend", "is none but portfolio.journal.dir is set;"
              + " clear the dir or choose file");
        }
      }
      case FILE -> {
        if (path.isEmpty()) {
          throw new ConfigException("portfolio.journal.backend", "file needs portfolio.journal.dir");
        }
      }
      case KAFKA -> {
        if (path.isPresent()) {
          throw new ConfigException("portfolio.journal.backend", "kafka journals to a topic, but"
              + " portfolio.journal.dir is set too; one journal only");
        }
        if (!TOPIC.matcher(topic).matches()) {
          throw new ConfigException("portfolio.journal.kafkaTopic", "'" + topic + "' is not a topic name"
              + " (letters, digits, . _ -)");
        }
        KafkaSettings settings = KafkaSettings.from(reader);
        if (!settings.enabled()) {
          throw new ConfigException("portfolio.journal.backend", "kafka needs kafka.bootstrapServers");
        }
        kafka = Optional.of(settings);
      }
      default -> throw new IllegalStateException("unknown journal backend " + backend);
    }
    return new JournalConfig(path,
        reader.enumValue("portfolio.journal.fsync", JournalConfig.Fsync.class, JournalConfig.DEFAULT_FSYNC),
        reader.integer("portfolio.journal.fsyncIntervalMs", JournalConfig.DEFAULT_FSYNC_INTERVAL_MS, 1, 60_000L),
        backend, topic, kafka);
  }

  /** Today's fixed fractions of the initial capital, whatever {@code portfolio.allocation.policy} says. */
  public AllocationPolicy allocationPolicy() {
    return new FixedFractionAllocation(initialCapitalMicros, allocations, defaultAllocation, maxLeverage);
  }

  /** The allocator the service runs: the configured policy over the base shares above. */
  public CapitalAllocator capitalAllocator() {
    return CapitalAllocator.from(allocation, initialCapitalMicros, allocations, defaultAllocation, maxLeverage);
  }

  /**
   * Strategy ids contain dots ({@code freqtrade-hft.momentum}), so the subtree is accepted both
   * flat ({@code {"freqtrade-hft.momentum": 0.4}}) and nested as {@code --set} writes it; the
   * whole map may also come as a JSON string (one environment variable).
   */
  private static Map<String, Double> allocations(ConfigReader reader) {
    Object raw = reader.raw(ALLOCATIONS_KEY);
    JsonObject tree;
    if (raw == null) {
      tree = new JsonObject();
    } else if (raw instanceof JsonObject object) {
      tree = object;
    } else if (raw instanceof Map<?, ?> map) {
      tree = new JsonObject();
      map.forEach((k, v) -> tree.put(String.valueOf(k), v));
    } else {
      try {
        tree = new JsonObject(raw.toString());
      } catch (DecodeException e) {
        throw new ConfigException(ALLOCATIONS_KEY, "expected an object of strategy id to fraction, got '" + raw + "'");
      }
    }
    Map<String, Double> fractions = new TreeMap<>();
    flatten("", tree, reader, fractions);
    double total = fractions.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total > 1 + 1e-9) {
      throw new ConfigException(ALLOCATIONS_KEY, "fractions add up to " + total + ", more than the whole capital");
    }
    return fractions;
  }

  private static void flatten(String prefix, JsonObject node, ConfigReader reader, Map<String, Double> into) {
    for (String name : node.fieldNames()) {
      String id = prefix + name;
      Object value = node.getValue(name);
      if (value instanceof JsonObject child) {
        flatten(id + ".", child, reader, into);
        continue;
      }
      String key = ALLOCATIONS_KEY + "." + id;
      double fraction;
      try {
        fraction = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "expected a fraction, got '" + value + "'");
      }
      into.put(id, reader.decimal(key, fraction, 0, 1));
    }
  }
}
