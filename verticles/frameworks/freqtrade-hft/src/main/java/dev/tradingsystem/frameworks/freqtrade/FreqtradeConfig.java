package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.trade.TradeManager;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * freqtrade-hft's settings, read once at start and validated; keys are {@code freqtrade.*}.
 *
 * @param strategy               {@code freqtrade.strategy}: which strategy runs ({@link Strategies#NAMES}).
 * @param entryThreshold         {@code freqtrade.entryThreshold}: |consensus score| needed to enter. Lower
 *                               trades more often on weaker agreement; higher waits for conviction.
 * @param exitThreshold          {@code freqtrade.exitThreshold}: |score| of an opposite consensus that
 *                               exits. Below the entry threshold so a reversal gets out sooner than it gets in.
 * @param allowShort             {@code freqtrade.allowShort}: open shorts on SHORT consensus. Off by default:
 *                               a spot account cannot sell what it does not hold.
 * @param minimalRoi             {@code freqtrade.minimalRoi}: minutes open → profit ratio that closes the
 *                               trade. Steep early rows bank quick moves; a 0 row caps how long capital waits.
 * @param stoploss               {@code freqtrade.stoploss}: negative profit ratio that closes a loser. Tighter
 *                               cuts losses sooner but is stopped out by noise more often.
 * @param stakeAmount            {@code freqtrade.stakeAmount}: quote currency per trade. The risk gate's
 *                               per-strategy budget caps what is actually allowed.
 * @param orderType              {@code freqtrade.orderType}: market (certain fill, pays the spread and taker
 *                               fee) or limit at the last price (maker fee, may not fill).
 * @param unfilledTimeoutMinutes {@code freqtrade.unfilledTimeoutMinutes}: a working order older than this
 *                               (event time) is cancelled so the pair is not blocked by a stale limit.
 * @param portfolioWaitMillis    {@code freqtrade.portfolioWaitMillis}: how long a tick waits for the portfolio
 *                               snapshot of its sequence. Too short skips decisions in a slow cluster; too long
 *                               holds the replay barrier when the portfolio is gone.
 * @param riskTimeoutMillis      {@code freqtrade.riskTimeoutMillis}: deadline of each risk check; a late
 *                               answer counts as failed and the tick moves on.
 * @param clockMode              {@code clock.mode}: event (replay, deterministic) or wall (live).
 */
public record FreqtradeConfig(
    String strategy,
    double entryThreshold,
    double exitThreshold,
    boolean allowShort,
    RoiTable minimalRoi,
    BigDecimal stoploss,
    BigDecimal stakeAmount,
    OrderType orderType,
    long unfilledTimeoutMinutes,
    long portfolioWaitMillis,
    long riskTimeoutMillis,
    String clockMode) {

  public static final String DEFAULT_STRATEGY = "momentum";
  public static final double DEFAULT_ENTRY_THRESHOLD = 0.2;
  public static final double DEFAULT_EXIT_THRESHOLD = 0.1;
  public static final boolean DEFAULT_ALLOW_SHORT = false;
  public static final Map<String, Object> DEFAULT_MINIMAL_ROI = Map.of("0", 0.01, "30", 0.005, "60", 0.0);
  public static final double DEFAULT_STOPLOSS = -0.02;
  public static final double DEFAULT_STAKE_AMOUNT = 1000;
  public static final String DEFAULT_ORDER_TYPE = "market";
  public static final long DEFAULT_UNFILLED_TIMEOUT_MINUTES = 10;
  public static final long DEFAULT_PORTFOLIO_WAIT_MILLIS = 2_000;
  public static final long DEFAULT_RISK_TIMEOUT_MILLIS = 5_000;
  public static final String DEFAULT_CLOCK_MODE = "event";

  /** @throws ConfigException naming the first bad key */
  public static FreqtradeConfig from(ConfigReader reader) {
    String strategy = reader.string("freqtrade.strategy", DEFAULT_STRATEGY).trim();
    if (!Strategies.NAMES.contains(strategy)) {
      throw new ConfigException("freqtrade.strategy", "'" + strategy + "' is not one of " + Strategies.NAMES);
    }
    String clockMode = reader.string("clock.mode", DEFAULT_CLOCK_MODE).trim();
    if (!clockMode.equals("event") && !clockMode.equals("wall")) {
      throw new ConfigException("clock.mode", "expected event or wall, got '" + clockMode + "'");
    }
    return new FreqtradeConfig(
        strategy,
        reader.decimal("freqtrade.entryThreshold", DEFAULT_ENTRY_THRESHOLD, 0, 1),
        reader.decimal("freqtrade.exitThreshold", DEFAULT_EXIT_THRESHOLD, 0, 1),
        reader.bool("freqtrade.allowShort", DEFAULT_ALLOW_SHORT),
        minimalRoi(reader),
        BigDecimal.valueOf(reader.decimal("freqtrade.stoploss", DEFAULT_STOPLOSS, -1, -1e-9)),
        BigDecimal.valueOf(reader.decimal("freqtrade.stakeAmount", DEFAULT_STAKE_AMOUNT, 1e-6, 1e12)),
        orderType(reader),
        reader.integer("freqtrade.unfilledTimeoutMinutes", DEFAULT_UNFILLED_TIMEOUT_MINUTES, 1, 525_600),
        reader.integer("freqtrade.portfolioWaitMillis",
            TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_PORTFOLIO_WAIT_MILLIS), 1, 600_000),
        reader.integer("freqtrade.riskTimeoutMillis",
            TradingClock.defaultDeadlineMillis(clockMode, DEFAULT_RISK_TIMEOUT_MILLIS), 1, 600_000),
        clockMode);
  }

  /** What the trade manager applies around the strategy. */
  public TradeManager.Settings tradeSettings() {
    return new TradeManager.Settings(stakeAmount, orderType, allowShort, unfilledTimeoutMinutes);
  }

  private static RoiTable minimalRoi(ConfigReader reader) {
    String key = "freqtrade.minimalRoi";
    Object raw = reader.raw(key);
    Map<String, Object> rows;
    if (raw == null) {
      rows = DEFAULT_MINIMAL_ROI;
    } else if (raw instanceof JsonObject object) {
      rows = object.getMap();
    } else {
      try {
        rows = new JsonObject(raw.toString()).getMap();
      } catch (DecodeException e) {
        throw new ConfigException(key, "expected a JSON object of minutes to profit ratio, got '" + raw + "'");
      }
    }
    try {
      return RoiTable.parse(rows);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  private static OrderType orderType(ConfigReader reader) {
    String value = reader.string("freqtrade.orderType", DEFAULT_ORDER_TYPE).trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "market" -> OrderType.MARKET;
      case "limit" -> OrderType.LIMIT;
      default -> throw new ConfigException("freqtrade.orderType", "expected market or limit, got '" + value + "'");
    };
  }
}
