package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.frameworks.hummingbot.quoting.AlertGuard;
import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * hummingbot-mm's settings, read once at start and validated; keys are {@code hummingbot.*}, each
 * strategy's under {@code hummingbot.strategy.<name>.*} ({@link StrategyConfigs}).
 *
 * @param strategies          {@code hummingbot.strategies}: the strategies run, in this order (default
 *                            {@code as-mm}); {@code as-mm} and {@code pmm} have a default type, other
 *                            names set {@code hummingbot.strategy.<name>.type}
 * @param pauseAfterErrors    {@code hummingbot.pauseAfterErrors}: errors within the window that pause a
 *                            strategy. Low stops a broken model fast; high rides out a rare bad tick.
 * @param errorWindow         {@code hummingbot.errorWindow}: calls (an observation and a decision per
 *                            tick) the error count looks back on
 * @param alertWidenFactor    {@code hummingbot.alerts.widenFactor}: spread multiplier while a WARNING risk
 *                            alert holds. Wider quotes are filled less and lose less to a market the
 *                            alert says is unreliable.
 * @param alertHoldSeconds    {@code hummingbot.alerts.holdSeconds}: event time an alert holds without a
 *                            repeat or a clearing message; long is safe, short resumes sooner
 * @param portfolioWaitMillis {@code hummingbot.portfolioWaitMillis}: how long a tick waits for the portfolio
 *                            snapshot of its sequence. Too short skips decisions in a slow cluster; too
 *                            long holds the replay barrier when the portfolio is gone.
 * @param riskTimeoutMillis   {@code hummingbot.riskTimeoutMillis}: deadline of each risk check.
 */
public record HummingbotConfig(
    List<StrategySpec> strategies,
    int pauseAfterErrors,
    int errorWindow,
    double alertWidenFactor,
    double alertHoldSeconds,
    long portfolioWaitMillis,
    long riskTimeoutMillis) {

  public static final List<String> DEFAULT_STRATEGIES = List.of(AvellanedaStoikovMaker.NAME);
  public static final int DEFAULT_PAUSE_AFTER_ERRORS = 5;
  public static final int DEFAULT_ERROR_WINDOW = 50;
  public static final double DEFAULT_ALERT_WIDEN_FACTOR = 2;
  public static final double DEFAULT_ALERT_HOLD_SECONDS = 300;
  public static final long DEFAULT_PORTFOLIO_WAIT_MILLIS = 2_000;
  public static final long DEFAULT_RISK_TIMEOUT_MILLIS = 5_000;

  private static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";
  /** The keys directly under {@code hummingbot}; anything else is a typo or a key that moved. */
  private static final Set<String> SERVICE_KEYS = Set.of("strategies", "strategy", "pauseAfterErrors", "errorWindow",
      "alerts", "portfolioWaitMillis", "riskTimeoutMillis");

  /**
   * Reads and validates everything, strategies included.
   *
   * @throws ConfigException naming the first bad key
   */
  public static HummingbotConfig from(ConfigReader reader) {
    for (String key : reader.object("hummingbot").fieldNames()) {
      if (!SERVICE_KEYS.contains(key)) {
        throw new ConfigException("hummingbot." + key, "is not a hummingbot-mm setting (strategy parameters live "
            + "under hummingbot.strategy.<name>., e.g. hummingbot.strategy.as-mm.riskFactor)");
      }
    }
    List<String> names = reader.strings("hummingbot.strategies", DEFAULT_STRATEGIES);
    if (names.isEmpty()) {
      throw new ConfigException("hummingbot.strategies", "names no strategy");
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!name.matches(NAME_PATTERN) || !seen.add(name)) {
        throw new ConfigException("hummingbot.strategies", "'" + name + "' is not a unique name of "
            + "lower-case letters, digits and dashes");
      }
    }
    int pauseAfter = reader.integer("hummingbot.pauseAfterErrors", DEFAULT_PAUSE_AFTER_ERRORS, 1, 1_000_000);
    int window = reader.integer("hummingbot.errorWindow", DEFAULT_ERROR_WINDOW, 1, 1_000_000);
    if (window < pauseAfter) {
      throw new ConfigException("hummingbot.errorWindow", window + " is below pauseAfterErrors " + pauseAfter);
    }
    List<StrategySpec> specs = new ArrayList<>();
    for (String name : names) {
      specs.add(StrategyConfigs.read(reader, name));
    }
    return new HummingbotConfig(List.copyOf(specs), pauseAfter, window,
        reader.decimal("hummingbot.alerts.widenFactor", DEFAULT_ALERT_WIDEN_FACTOR, 1, 100),
        reader.decimal("hummingbot.alerts.holdSeconds", DEFAULT_ALERT_HOLD_SECONDS, 0.001, 86_400),
        reader.integer("hummingbot.portfolioWaitMillis",
            TradingClock.defaultDeadlineMillis(clockMode(reader), DEFAULT_PORTFOLIO_WAIT_MILLIS), 1, 600_000),
        reader.integer("hummingbot.riskTimeoutMillis",
            TradingClock.defaultDeadlineMillis(clockMode(reader), DEFAULT_RISK_TIMEOUT_MILLIS), 1, 600_000));
  }

  /** Replay ({@code event}) waits long so machine load never changes a decision; live keeps short deadlines. */
  private static String clockMode(ConfigReader reader) {
    return reader.string("clock.mode", "event").trim();
  }

  /** Fresh strategies, in configured order (each start gets its own, with empty memory). */
  public List<QuotingStrategy> buildStrategies() {
    return strategies.stream().map(StrategySpec::build).toList();
  }

  /** The risk-alert policy. */
  public AlertGuard alertGuard() {
    return new AlertGuard(alertWidenFactor, Math.max(1, Math.round(alertHoldSeconds * 1_000_000)));
  }
}
