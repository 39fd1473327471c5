package dev.tradingsystem.risk;

import dev.tradingsystem.risk.killswitch.TriggerLimits;
import dev.tradingsystem.risk.monitor.MonitorLimits;
import dev.tradingsystem.risk.rules.RiskLimits;
import dev.tradingsystem.risk.rules.ThrottleLimits;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * The risk-manager's configuration, read once at start and validated (a bad value fails the
 * deployment naming its key). The full table is in the module's README.
 *
 * @param limits             what the pre-trade rules and the drawdown trigger enforce
 * @param triggers           the kill switch's automatic triggers beyond drawdown
 * @param monitor            exposure, VaR and snapshot publication
 * @param stateWaitMs        how long a check waits for the portfolio snapshot of its market event
 * @param portfolioTimeoutMs deadline of each call to the portfolio
 * @param dedupeWindow       how many approved intent ids are remembered for duplicate detection
 * @param clockMode          {@code event} (replay) or {@code wall} (live)
 */
public record RiskConfig(RiskLimits limits, TriggerLimits triggers, MonitorLimits monitor, long stateWaitMs,
                         long portfolioTimeoutMs, int dedupeWindow, String clockMode) {

  /**
   * Fat-finger cap per order in quote currency. Lower catches more mistakes but forces large
   * strategies to slice; it does not replace the per-strategy budget.
   */
  public static final double DEFAULT_MAX_ORDER_NOTIONAL = 25_000;
  /** Size cap per order in base units (BTC): a second fat-finger guard independent of price. */
  public static final double DEFAULT_MAX_ORDER_QUANTITY = 50;
  /**
   * Largest distance of an order's price from the reference, in percent. Tighter stops runaway
   * quotes sooner but rejects honest orders in fast markets.
   */
  public static final double DEFAULT_PRICE_COLLAR_PCT = 5;
  /** Drawdown from peak equity (fraction) that halts trading; latches until an operator resets. */
  public static final double DEFAULT_MAX_DRAWDOWN = 0.2;
  /**
   * Oldest reference price (event time before the intent's) the collar trusts. Shorter refuses
   * orders sooner when a feed stalls; longer lets quiet markets keep trading. In replay an intent
   * and its reference share the market event, so the age there is 0.
   */
  public static final long DEFAULT_REFERENCE_MAX_AGE_MS = 30_000;
  /** Per-strategy position limit in base units; 0 leaves it to the notional budget (204) and symbol caps (207). */
  public static final double DEFAULT_MAX_POSITION = 0;
  /**
   * Open notional of the account over equity. 1 is a cash account: nothing beyond what the
   * equity pays for; higher trusts a venue's margin, and a fall in price hurts that much more.
   */
  public static final double DEFAULT_MAX_LEVERAGE = 1;
  /**
   * New orders and cancels per strategy per second of event time, with the burst a strategy may
   * send at once. Below the venue's limits, so a runaway loop is stopped here and not by a ban.
   */
  public static final double DEFAULT_ORDERS_PER_SECOND = 50;
  public static final double DEFAULT_CANCELS_PER_SECOND = 50;
  public static final double DEFAULT_BURST = 100;
  /** Loss since the UTC day's start, fraction of that day's opening equity, that halts. */
  public static final double DEFAULT_MAX_DAILY_LOSS = 0.1;
  /**
   * Event time without any market event, while orders work, that halts; 0 relies on the
   * data-collector's STALE_MARKET_DATA alert alone (a replay has honest quiet gaps).
   */
  public static final long DEFAULT_STALE_DATA_MS = 0;
  /** Portfolio calls failing in a row that halt (DISCONNECT). Lower reacts sooner to an outage, higher rides out blips. */
  public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 5;
  /** Sent intents the error rate looks at, and the failed or refused share of them that halts. */
  public static final int DEFAULT_ERROR_WINDOW = 50;
  public static final double DEFAULT_ERROR_THRESHOLD = 0.5;
  /** Whether an automatic halt also closes every position. Off: a halt stops the bleeding, a human decides on exits. */
  public static final boolean DEFAULT_FLATTEN = false;
  /** Gross exposure (quote currency) above which a WARNING goes out; 0 = no alert. */
  public static final double DEFAULT_MAX_GROSS_EXPOSURE = 0;
  /** VaR (quote currency) above which a WARNING goes out; 0 = no alert. */
  public static final double DEFAULT_VAR_LIMIT = 0;
  public static final double DEFAULT_VAR_CONFIDENCE = 0.99;
  /** Equity returns the VaR uses: more is steadier, fewer follows regime changes faster. */
  public static final int DEFAULT_VAR_WINDOW = 250;
  /** Event time between equity samples, i.e. the VaR horizon. */
  public static final long DEFAULT_VAR_HORIZON_MS = 60_000;
  /** Event time between published risk snapshots: one a second keeps dashboards live without flooding the bus. */
  public static final long DEFAULT_SNAPSHOT_EVERY_MS = 1_000;
  /**
   * Live only: how long a check waits for the portfolio snapshot of its market event before it
   * decides on the latest one. Longer is more exact, shorter keeps order latency bounded. In
   * replay the wait is the same but an expired wait rejects (STALE_REFERENCE) instead, so a
   * replay never decides on a snapshot other than its own.
   */
  public static final long DEFAULT_STATE_WAIT_MS = 2_000;
  /**
   * Deadline of a place or cancel call to the portfolio, live; an expired call is
   * DOWNSTREAM_UNAVAILABLE. Both waits default to {@link TradingClock#REPLAY_DEADLINE_MS} in replay.
   */
  public static final long DEFAULT_PORTFOLIO_TIMEOUT_MS = 2_000;
  /**
   * Approved intent ids remembered to refuse a redelivered intent. Larger catches later
   * redeliveries at the cost of memory (about 100 bytes per id).
   */
  public static final int DEFAULT_DEDUPE_WINDOW = 100_000;
  public static final String DEFAULT_CLOCK_MODE = "event";

  private static final long US_PER_MS = 1_000;

  public static RiskConfig from(ConfigReader config) {
    String clockMode = config.string("clock.mode", DEFAULT_CLOCK_MODE);
    if (!clockMode.equals("event") && !clockMode.equals("wall")) {
      throw new ConfigException("clock.mode", "must be 'event' or 'wall', got '" + clockMode + "'");
    }
    return new RiskConfig(limits(config), triggers(config), monitor(config),
        config.integer("risk.stateWaitMs", TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_STATE_WAIT_MS), 1, 600_000),
        config.integer("risk.portfolioTimeoutMs",
            TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_PORTFOLIO_TIMEOUT_MS), 1, 600_000),
        config.integer("risk.dedupeWindow", DEFAULT_DEDUPE_WINDOW, 1, 10_000_000),
        clockMode);
  }

  private static RiskLimits limits(ConfigReader config) {
    double maxNotional = config.decimal("risk.maxOrderNotional", DEFAULT_MAX_ORDER_NOTIONAL, 0.000001, 1e12);
    return new RiskLimits(
        FixedPoint.toUnits(maxNotional, FixedPoint.MONEY_SCALE),
        config.decimal("risk.maxOrderQuantity", DEFAULT_MAX_ORDER_QUANTITY, 1e-8, 1e9),
        config.decimal("risk.priceCollarPct", DEFAULT_PRICE_COLLAR_PCT, 0.0001, 100),
        config.decimal("risk.maxDrawdown", DEFAULT_MAX_DRAWDOWN, 0.0001, 1),
        config.integer("risk.referenceMaxAgeMs", DEFAULT_REFERENCE_MAX_AGE_MS, 1, 86_400_000L) * US_PER_MS,
        config.decimal("risk.maxPosition", DEFAULT_MAX_POSITION, 0, 1e9),
        config.decimal("risk.maxLeverage", DEFAULT_MAX_LEVERAGE, 0.01, 100),
        SymbolLimitsConfig.restricted(config),
        SymbolLimitsConfig.read(config),
        new ThrottleLimits(
            config.decimal("risk.throttle.ordersPerSecond", DEFAULT_ORDERS_PER_SECOND, 0, 1e6),
            config.decimal("risk.throttle.cancelsPerSecond", DEFAULT_CANCELS_PER_SECOND, 0, 1e6),
            config.decimal("risk.throttle.burst", DEFAULT_BURST, 1, 1e6)));
  }

  private static TriggerLimits triggers(ConfigReader config) {
    return new TriggerLimits(
        config.decimal("risk.killSwitch.maxDailyLoss", DEFAULT_MAX_DAILY_LOSS, 0.0001, 1),
        config.integer("risk.killSwitch.staleDataMs", DEFAULT_STALE_DATA_MS, 0, 86_400_000L) * US_PER_MS,
        config.integer("risk.killSwitch.maxConsecutiveFailures", DEFAULT_MAX_CONSECUTIVE_FAILURES, 1, 1_000_000),
        config.integer("risk.killSwitch.errorRate.window", DEFAULT_ERROR_WINDOW, 1, 1_000_000),
        config.decimal("risk.killSwitch.errorRate.threshold", DEFAULT_ERROR_THRESHOLD, 0.0001, 1),
        config.bool("risk.killSwitch.flatten", DEFAULT_FLATTEN));
  }

  private static MonitorLimits monitor(ConfigReader config) {
    return new MonitorLimits(
        FixedPoint.toUnits(config.decimal("risk.limits.maxGrossExposure", DEFAULT_MAX_GROSS_EXPOSURE, 0, 1e12), FixedPoint.MONEY_SCALE),
        FixedPoint.toUnits(config.decimal("risk.var.limit", DEFAULT_VAR_LIMIT, 0, 1e12), FixedPoint.MONEY_SCALE),
        config.decimal("risk.var.confidence", DEFAULT_VAR_CONFIDENCE, 0.5001, 0.9999),
        config.integer("risk.var.window", DEFAULT_VAR_WINDOW, 2, 100_000),
        config.integer("risk.var.horizonMs", DEFAULT_VAR_HORIZON_MS, 1, 86_400_000L) * US_PER_MS,
        config.integer("risk.snapshotEveryMs", DEFAULT_SNAPSHOT_EVERY_MS, 0, 86_400_000L) * US_PER_MS);
  }

  /** Live trading decides on the latest snapshot after a wait; replay never does. */
  public boolean live() {
    return clockMode.equals("wall");
  }
}
