package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code portfolio.allocation.*} settings, read once and validated; a bad value fails with a
 * message naming its key. Durations are written {@code 500ms}, {@code 30s}, {@code 15m},
 * {@code 1h}, {@code 1d}, or as a bare number of seconds.
 *
 * @param policy {@code portfolio.allocation.policy}: fixed | volatility-target | risk-parity |
 *     kelly. Fixed keeps the configured fractions of the initial capital (today's budgets).
 * @param rebalanceEveryUs {@code portfolio.allocation.rebalanceEvery}: event time between
 *     scheduled reallocations. Short follows risk closely but moves budgets under working
 *     strategies often; long is stable but slow to cut a strategy whose risk grew.
 * @param minIntervalUs {@code portfolio.allocation.minInterval}: least event time between two
 *     reallocations (risk cuts excepted); at most {@code rebalanceEvery}. Guards against a burst
 *     of alerts rewriting budgets on every message.
 * @param targetVolatility {@code portfolio.allocation.targetVolatility}: annualised volatility
 *     each strategy is sized to under volatility-target. Higher takes more risk per strategy.
 * @param kellyFraction {@code portfolio.allocation.kellyFraction}: fraction of full Kelly, in
 *     (0, 1]. Full Kelly maximises growth only with a known edge; with an estimated one a quarter
 *     keeps most of the growth at a fraction of the drawdown.
 * @param maxShare {@code portfolio.allocation.maxShare}: most of the equity one strategy may get
 *     from any policy. Low diversifies by force; high lets one measured strategy dominate.
 * @param minHistory {@code portfolio.allocation.minHistory}: return samples (volatility) or
 *     consensus calls (Kelly) needed before a strategy is sized by its measurements rather than
 *     its base share. Low reacts sooner on noisier estimates.
 * @param riskEventScale {@code portfolio.allocation.riskEventScale}: factor in [0, 1] on every
 *     budget while trading is REDUCING or HALTED and for one rebalance period after a CRITICAL
 *     alert. 1 ignores risk events beyond reallocating; 0 takes all capital away.
 * @param returnIntervalUs {@code portfolio.allocation.returnInterval}: event time between two
 *     return samples of a strategy. Short gives history quickly but measures microstructure noise.
 * @param ewmaLambda {@code portfolio.allocation.ewmaLambda}: EWMA decay per sample in (0, 1) for
 *     volatility and edge. 0.94 is RiskMetrics'; higher remembers longer.
 */
public record AllocationSettings(
    Policy policy,
    long rebalanceEveryUs,
    long minIntervalUs,
    double targetVolatility,
    double kellyFraction,
    double maxShare,
    int minHistory,
    double riskEventScale,
    long returnIntervalUs,
    double ewmaLambda) {

  /** The budget policies by their config and wire names. */
  public enum Policy {
    FIXED("fixed"), VOLATILITY_TARGET("volatility-target"), RISK_PARITY("risk-parity"), KELLY("kelly");

    private final String wireName;

    Policy(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public static final String PREFIX = "portfolio.allocation.";
  public static final Policy DEFAULT_POLICY = Policy.FIXED;
  public static final String DEFAULT_REBALANCE_EVERY = "1h";
  public static final String DEFAULT_MIN_INTERVAL = "1m";
  public static final double DEFAULT_TARGET_VOLATILITY = 0.20;
  public static final double DEFAULT_KELLY_FRACTION = FractionalKellyAllocation.DEFAULT_FRACTION;
  public static final double DEFAULT_MAX_SHARE = 0.5;
  public static final int DEFAULT_MIN_HISTORY = 20;
  public static final double DEFAULT_RISK_EVENT_SCALE = 0.5;
  public static final String DEFAULT_RETURN_INTERVAL = "5m";
  public static final double DEFAULT_EWMA_LAMBDA = 0.94;

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

  public static AllocationSettings from(ConfigReader reader) {
    Policy policy = policy(reader);
    long every = duration(reader, PREFIX + "rebalanceEvery", DEFAULT_REBALANCE_EVERY);
    long minInterval = duration(reader, PREFIX + "minInterval", DEFAULT_MIN_INTERVAL);
    if (minInterval > every) {
      throw new ConfigException(PREFIX + "minInterval", "must not exceed " + PREFIX + "rebalanceEvery");
    }
    double kellyFraction = reader.decimal(PREFIX + "kellyFraction", DEFAULT_KELLY_FRACTION, 0, 1);
    if (kellyFraction == 0) {
      throw new ConfigException(PREFIX + "kellyFraction", "must be above 0");
    }
    double lambda = reader.decimal(PREFIX + "ewmaLambda", DEFAULT_EWMA_LAMBDA, 0, 1);
    if (lambda == 0 || lambda == 1) {
      throw new ConfigException(PREFIX + "ewmaLambda", "must be strictly between 0 and 1");
    }
    return new AllocationSettings(policy, every, minInterval,
        reader.decimal(PREFIX + "targetVolatility", DEFAULT_TARGET_VOLATILITY, 0.001, 10),
        kellyFraction,
        reader.decimal(PREFIX + "maxShare", DEFAULT_MAX_SHARE, 0, 1),
        reader.integer(PREFIX + "minHistory", DEFAULT_MIN_HISTORY, 2, 100_000),
        reader.decimal(PREFIX + "riskEventScale", DEFAULT_RISK_EVENT_SCALE, 0, 1),
        duration(reader, PREFIX + "returnInterval", DEFAULT_RETURN_INTERVAL),
        lambda);
  }

  /** The configured budget policy. */
  public BudgetPolicy budgetPolicy() {
    return budgetPolicy(policy);
  }

  /** A budget policy with these settings' parameters (an operator may switch to any of them). */
  public BudgetPolicy budgetPolicy(Policy policy) {
    return switch (policy) {
      case FIXED -> BudgetPolicy.fixed();
      case VOLATILITY_TARGET -> new VolatilityTargetAllocation(targetVolatility, maxShare);
      case RISK_PARITY -> new RiskParityAllocation(maxShare);
      case KELLY -> new FractionalKellyAllocation(kellyFraction, maxShare);
    };
  }

  public Reallocator reallocator() {
    return new Reallocator(rebalanceEveryUs, minIntervalUs, riskEventScale);
  }

  public StrategyReturns strategyReturns() {
    return new StrategyReturns(returnIntervalUs, minHistory, ewmaLambda);
  }

  public EdgeBook edgeBook() {
    return new EdgeBook(minHistory, ewmaLambda);
  }

  /** The policy with this wire name (case and surrounding blanks ignored). */
  public static Optional<Policy> policyNamed(String name) {
    String value = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Policy policy : Policy.values()) {
      if (policy.wireName().equals(value)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }

  private static Policy policy(ConfigReader reader) {
    String key = PREFIX + "policy";
    String value = reader.string(key, DEFAULT_POLICY.wireName());
    return policyNamed(value).orElseThrow(() -> new ConfigException(key,
        "'" + value.trim() + "' is not one of fixed, volatility-target, risk-parity, kelly"));
  }

  /** A positive duration in microseconds. */
  static long duration(ConfigReader reader, String key, String defaultValue) {
    Object raw = reader.raw(key);
    String text = (raw == null ? defaultValue : raw.toString()).trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new ConfigException(key, "expected a duration like 30s, 15m, 1h or 1d, got '" + raw + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double unitUs = switch (unit) {
      case "ms" -> 1e3;
      case "s" -> 1e6;
      case "m" -> 60e6;
      case "h" -> 3_600e6;
      default -> 86_400e6;
    };
    double micros = amount * unitUs;
    if (micros < 1 || micros > 366 * 86_400e6) {
      throw new ConfigException(key, "'" + raw + "' is outside (0, 366d]");
    }
    return Math.round(micros);
  }
}
