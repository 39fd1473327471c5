package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * freqtrade-hft's settings, read once at start and validated; keys are {@code frameworks.freqtrade.*}
 * (each strategy's under {@code frameworks.freqtrade.strategies.<name>.*}, see {@link StrategyConfig}).
 *
 * @param strategies          the enabled strategy instances, ordered by name (the order their
 *                            intents reach the risk gate within a tick). Without the key the
 *                            service runs {@code momentum} with its defaults.
 * @param maxStrategyErrors   {@code frameworks.freqtrade.maxStrategyErrors}: failed decisions that
 *                            pause a strategy. Low pauses a flaky strategy before it does harm;
 *                            high tolerates a rare bad row.
 * @param strategyErrorWindow {@code frameworks.freqtrade.strategyErrorWindow}: how many of a
 *                            strategy's latest decisions the errors are counted in.
 * @param portfolioWaitMillis {@code frameworks.freqtrade.portfolioWaitMillis}: how long a tick waits for
 *                            the portfolio snapshot of its sequence. Too short skips decisions in a slow
 *                            cluster; too long holds the replay barrier when the portfolio is gone.
 * @param riskTimeoutMillis   {@code frameworks.freqtrade.riskTimeoutMillis}: deadline of each risk check;
 *                            a late answer counts as failed and the tick moves on.
 * @param clockMode           {@code clock.mode}: event (replay, deterministic) or wall (live).
 * @param alertHoldSeconds    {@code frameworks.freqtrade.risk.alertHoldSeconds}: event time a risk alert
 *                            stands the bot down without a repeat or a clearing INFO. Long keeps entries
 *                            off when the clearing message is lost; short resumes sooner after a blip.
 */
public record FreqtradeConfig(
    List<StrategySpec> strategies,
    int maxStrategyErrors,
    int strategyErrorWindow,
    long portfolioWaitMillis,
    long riskTimeoutMillis,
    String clockMode,
    double alertHoldSeconds) {

  public static final String PREFIX = "frameworks.freqtrade.";
  public static final String STRATEGIES_KEY = "frameworks.freqtrade.strategies";
  public static final String DEFAULT_STRATEGY = "momentum";
  public static final long DEFAULT_MAX_STRATEGY_ERRORS = 5;
  public static final long DEFAULT_STRATEGY_ERROR_WINDOW = 100;
  public static final long DEFAULT_PORTFOLIO_WAIT_MILLIS = 2_000;
  public static final long DEFAULT_RISK_TIMEOUT_MILLIS = 5_000;
  public static final String DEFAULT_CLOCK_MODE = "event";
  /** As hummingbot-mm's {@code alerts.holdSeconds}: both frameworks stand down for the same alert equally long. */
  public static final double DEFAULT_ALERT_HOLD_SECONDS = 300;

  /** Instance names become the last part of a strategy id and of dotted config keys. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  /** With the built-in strategies. @throws ConfigException naming the first bad key */
  public static FreqtradeConfig from(ConfigReader reader) {
    return from(reader, Strategies.builtIn());
  }

  /** @throws ConfigException naming the first bad key */
  public static FreqtradeConfig from(ConfigReader reader, Strategies catalog) {
    String clockMode = reader.string("clock.mode", DEFAULT_CLOCK_MODE).trim();
    if (!clockMode.equals("event") && !clockMode.equals("wall")) {
      throw new ConfigException("clock.mode", "expected event or wall, got '" + clockMode + "'");
    }
    int maxErrors = (int) reader.integer(PREFIX + "maxStrategyErrors", DEFAULT_MAX_STRATEGY_ERRORS, 1, 1_000_000);
    int window = (int) reader.integer(PREFIX + "strategyErrorWindow", DEFAULT_STRATEGY_ERROR_WINDOW, 1, 1_000_000);
    if (window < maxErrors) {
      throw new ConfigException(PREFIX + "strategyErrorWindow", window + " is less than maxStrategyErrors " + maxErrors);
    }
    return new FreqtradeConfig(strategies(reader, catalog), maxErrors, window,
        reader.integer(PREFIX + "portfolioWaitMillis",
            TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_PORTFOLIO_WAIT_MILLIS), 1, 600_000),
        reader.integer(PREFIX + "riskTimeoutMillis",
            TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_RISK_TIMEOUT_MILLIS), 1, 600_000),
        clockMode,
        reader.decimal(PREFIX + "risk.alertHoldSeconds", DEFAULT_ALERT_HOLD_SECONDS, 0.001, 86_400));
  }

  /** {@link #alertHoldSeconds} in microseconds, at least 1. */
  public long alertHoldMicros() {
    return Math.max(1, Math.round(alertHoldSeconds * 1_000_000));
  }

  private static List<StrategySpec> strategies(ConfigReader reader, Strategies catalog) {
    Object raw = reader.raw(STRATEGIES_KEY);
    JsonObject tree = raw == null ? new JsonObject().put(DEFAULT_STRATEGY, new JsonObject())
        : StrategyConfig.object(reader, STRATEGIES_KEY, "an object of strategy name to settings");
    // From the environment the whole tree is one JSON text: read it as if it were the config file.
    ConfigReader source = raw == null || raw instanceof JsonObject ? reader : ConfigReader.of(new JsonObject()
        .put("frameworks", new JsonObject().put("freqtrade", new JsonObject().put("strategies", tree)))
        .put(ConfigReader.ENV_KEY, new JsonObject()));
    List<StrategySpec> specs = new ArrayList<>();
    for (String name : new TreeSet<>(tree.fieldNames())) {
      String key = STRATEGIES_KEY + "." + name;
      if (!NAME.matcher(name).matches()) {
        throw new ConfigException(key, "a strategy name is lower-case letters, digits, '-' and '_' (at most 40)");
      }
      if (!(tree.getValue(name) instanceof JsonObject settings)) {
        throw new ConfigException(key, "expected an object of settings, got '" + tree.getValue(name) + "'");
      }
      if (source.bool(key + ".enabled", true)) {
        specs.add(StrategyConfig.read(source, name, settings, catalog));
      }
    }
    if (specs.isEmpty()) {
      throw new ConfigException(STRATEGIES_KEY, "no strategy is enabled");
    }
    return List.copyOf(specs);
  }
}
