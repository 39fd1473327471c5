package dev.tradingsystem.risk;

import dev.tradingsystem.risk.rules.RiskLimits;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * The risk-manager's configuration, read once at start and validated (a bad value fails the
 * deployment naming its key).
 *
 * @param limits           what the pre-trade rules and the drawdown trigger enforce
 * @param stateWaitMs      how long a check waits for the portfolio snapshot of its market event
 * @param portfolioTimeoutMs deadline of each call to the portfolio
 * @param dedupeWindow     how many approved intent ids are remembered for duplicate detection
 * @param clockMode        {@code event} (replay) or {@code wall} (live)
 */
public record RiskConfig(RiskLimits limits, long stateWaitMs, long portfolioTimeoutMs, int dedupeWindow, String clockMode) {

  /**
   * Fat-finger cap per order in quote currency. Lower catches more mistakes but forces large
   * strategies to slice; it does not replace the per-strategy budget.
   */
  public static final double DEFAULT_MAX_ORDER_NOTIONAL = 25_000;
  /** Size cap per order in base units (BTC): a second fat-finger guard independent of price. */
  public static final double DEFAULT_MAX_ORDER_QUANTITY = 50;
  /**
   * Largest distance of a limit price from the last trade, in percent. Tighter stops runaway
   * quotes sooner but rejects honest orders in fast markets.
   */
  public static final double DEFAULT_PRICE_COLLAR_PCT = 5;
  /** Drawdown from peak equity (fraction) that halts trading; latches until an operator resets. */
  public static final double DEFAULT_MAX_DRAWDOWN = 0.2;
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

  public static RiskConfig from(ConfigReader config) {
    double maxNotional = config.decimal("risk.maxOrderNotional", DEFAULT_MAX_ORDER_NOTIONAL, 0.000001, 1e12);
    RiskLimits limits = new RiskLimits(
        FixedPoint.toUnits(maxNotional, FixedPoint.MONEY_SCALE),
        config.decimal("risk.maxOrderQuantity", DEFAULT_MAX_ORDER_QUANTITY, 1e-8, 1e9),
        config.decimal("risk.priceCollarPct", DEFAULT_PRICE_COLLAR_PCT, 0.0001, 100),
        config.decimal("risk.maxDrawdown", DEFAULT_MAX_DRAWDOWN, 0.0001, 1));
    String clockMode = config.string("clock.mode", DEFAULT_CLOCK_MODE);
    if (!clockMode.equals("event") && !clockMode.equals("wall")) {
      throw new ConfigException("clock.mode", "must be 'event' or 'wall', got '" + clockMode + "'");
    }
    return new RiskConfig(limits,
        config.integer("risk.stateWaitMs", TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_STATE_WAIT_MS), 1, 600_000),
        config.integer("risk.portfolioTimeoutMs",
            TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_PORTFOLIO_TIMEOUT_MS), 1, 600_000),
        config.integer("risk.dedupeWindow", DEFAULT_DEDUPE_WINDOW, 1, 10_000_000),
        clockMode);
  }

  /** Live trading decides on the latest snapshot after a wait; replay never does. */
  public boolean live() {
    return clockMode.equals("wall");
  }
}
