package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikov;
import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotePricer;
import dev.tradingsystem.frameworks.hummingbot.quoting.RefreshPolicy;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigReader;

/**
 * hummingbot-mm's settings, read once at start and validated; keys are {@code hummingbot.*}.
 *
 * @param riskAversion        {@code hummingbot.riskAversion} (γ): higher skews quotes harder against
 *                            inventory and widens them with volatility; lower earns more spread but
 *                            lets inventory drift.
 * @param orderBookDepth      {@code hummingbot.orderBookDepth} (κ): book liquidity; higher assumes fills
 *                            fall off fast away from the mid and quotes tighter.
 * @param horizonSeconds      {@code hummingbot.horizonSeconds}: the horizon σ is scaled to. Longer makes
 *                            the volatility term, and so spread and skew, larger.
 * @param minSpreadBps        {@code hummingbot.minSpreadBps}: floor of the quoted spread; keeps quotes
 *                            outside fees and noise when the model would quote too tight.
 * @param consensusSkewBps    {@code hummingbot.consensusSkewBps}: reservation shift per unit of quorum
 *                            consensus score. Leans quotes with the agents' view; too much turns the
 *                            maker into a directional trader.
 * @param targetBaseFraction  {@code hummingbot.targetBaseFraction}: share of the strategy's capital to hold
 *                            in base currency; inventory is measured against it (0 = flat).
 * @param orderAmount         {@code hummingbot.orderAmount}: size of each quote in base units.
 * @param orderRefreshTicks   {@code hummingbot.orderRefreshTicks}: ticks a quote rests before it is
 *                            reconsidered. Short keeps quotes fresh; long keeps queue priority and
 *                            spends less of the risk gate's rate limit.
 * @param refreshToleranceBps {@code hummingbot.refreshToleranceBps}: how far the wanted price must move
 *                            from a resting quote before it is replaced.
 * @param maxInventory        {@code hummingbot.maxInventory}: largest |inventory| in base units a fill may
 *                            leave; the side that would grow it further is not quoted.
 * @param portfolioWaitMillis {@code hummingbot.portfolioWaitMillis}: how long a tick waits for the portfolio
 *                            snapshot of its sequence. Too short skips decisions in a slow cluster; too
 *                            long holds the replay barrier when the portfolio is gone.
 * @param riskTimeoutMillis   {@code hummingbot.riskTimeoutMillis}: deadline of each risk check.
 */
public record HummingbotConfig(
    double riskAversion,
    double orderBookDepth,
    double horizonSeconds,
    double minSpreadBps,
    double consensusSkewBps,
    double targetBaseFraction,
    double orderAmount,
    long orderRefreshTicks,
    double refreshToleranceBps,
    double maxInventory,
    long portfolioWaitMillis,
    long riskTimeoutMillis) {

  public static final double DEFAULT_RISK_AVERSION = 0.1;
  public static final double DEFAULT_ORDER_BOOK_DEPTH = 1.5;
  public static final double DEFAULT_HORIZON_SECONDS = 60;
  public static final double DEFAULT_MIN_SPREAD_BPS = 10;
  public static final double DEFAULT_CONSENSUS_SKEW_BPS = 5;
  public static final double DEFAULT_TARGET_BASE_FRACTION = 0;
  public static final double DEFAULT_ORDER_AMOUNT = 0.05;
  public static final long DEFAULT_ORDER_REFRESH_TICKS = 5;
  public static final double DEFAULT_REFRESH_TOLERANCE_BPS = 5;
  public static final double DEFAULT_MAX_INVENTORY = 1;
  public static final long DEFAULT_PORTFOLIO_WAIT_MILLIS = 2_000;
  public static final long DEFAULT_RISK_TIMEOUT_MILLIS = 5_000;

  /** @throws dev.tradingsystem.shared.config.ConfigException naming the first bad key */
  public static HummingbotConfig from(ConfigReader reader) {
    return new HummingbotConfig(
        reader.decimal("hummingbot.riskAversion", DEFAULT_RISK_AVERSION, 1e-9, 1e6),
        reader.decimal("hummingbot.orderBookDepth", DEFAULT_ORDER_BOOK_DEPTH, 1e-9, 1e9),
        reader.decimal("hummingbot.horizonSeconds", DEFAULT_HORIZON_SECONDS, 1e-3, 86_400 * 365.0),
        reader.decimal("hummingbot.minSpreadBps", DEFAULT_MIN_SPREAD_BPS, 0, 10_000),
        reader.decimal("hummingbot.consensusSkewBps", DEFAULT_CONSENSUS_SKEW_BPS, 0, 1_000),
        reader.decimal("hummingbot.targetBaseFraction", DEFAULT_TARGET_BASE_FRACTION, 0, 1),
        reader.decimal("hummingbot.orderAmount", DEFAULT_ORDER_AMOUNT, 1e-12, 1e9),
        reader.integer("hummingbot.orderRefreshTicks", DEFAULT_ORDER_REFRESH_TICKS, 1, 1_000_000),
        reader.decimal("hummingbot.refreshToleranceBps", DEFAULT_REFRESH_TOLERANCE_BPS, 0, 10_000),
        reader.decimal("hummingbot.maxInventory", DEFAULT_MAX_INVENTORY, 1e-12, 1e12),
        reader.integer("hummingbot.portfolioWaitMillis",
            TradingClock.defaultDeadlineMillis(clockMode(reader), DEFAULT_PORTFOLIO_WAIT_MILLIS), 1, 600_000),
        reader.integer("hummingbot.riskTimeoutMillis",
            TradingClock.defaultDeadlineMillis(clockMode(reader), DEFAULT_RISK_TIMEOUT_MILLIS), 1, 600_000));
  }

  /** Replay ({@code event}) waits long so machine load never changes a decision; live keeps short deadlines. */
  private static String clockMode(ConfigReader reader) {
    return reader.string("clock.mode", "event").trim();
  }

  /** The {@code as-mm} strategy with these settings. */
  public AvellanedaStoikovMaker maker() {
    QuotePricer pricer = new QuotePricer(new AvellanedaStoikov(riskAversion, orderBookDepth), horizonSeconds,
        minSpreadBps, consensusSkewBps);
    return new AvellanedaStoikovMaker(pricer, new RefreshPolicy(orderRefreshTicks, refreshToleranceBps),
        new AvellanedaStoikovMaker.Settings(orderAmount, maxInventory, targetBaseFraction));
  }
}
