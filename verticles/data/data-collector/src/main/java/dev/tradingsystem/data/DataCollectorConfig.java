package dev.tradingsystem.data;

import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.replay.ReplaySpeed;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import java.util.List;

/**
 * The data-collector's settings ({@code replay.*} and {@code features.*}), read and validated
 * once at start; a bad value fails the deployment naming its key.
 *
 * @param data trade CSV: a file path or {@code classpath:<resource>}; the bundled Bitstamp trades by default
 * @param instrument symbol, venue and fixed-point scales the rows are parsed into
 * @param maxPriceJump largest accepted move from the last accepted price; low values reject real
 *     crashes, high ones let fat-finger prints through
 * @param batchSize rows read and validated per worker task; larger batches cost memory, smaller
 *     ones more thread hand-offs
 * @param awaitServices services that must answer the roll call before the first tick
 * @param rollCallTimeoutMs how long to wait for them; after that the replay is abandoned: nothing
 *     is published but a final ReplayProgress (completed, 0 ticks) so a waiting runner ends, and the
 *     stats carry the error
 * @param rollCallIntervalMs how often the roll is called while waiting
 * @param lockstep wait for every tick participant's TickDone before the next tick: deterministic
 *     decisions at the price of throughput. Participants are the services that answered the roll
 *     call with {@code tick_participant=true}; with no awaited services there is nobody to wait
 *     for and ticks are published in batches
 * @param barrierTimeoutMs how long one tick may wait on participants before the replay moves on
 *     (counted as a barrier timeout); short values break determinism under load
 * @param speed pacing against event time
 * @param maxTicks stop after this many published ticks; 0 replays everything
 * @param progressEvery publish ReplayProgress every this many ticks
 * @param autoStart start after deployment; otherwise on a message to {@code replay.start}
 * @param features feature parameters
 */
public record DataCollectorConfig(String data, Instrument instrument, double maxPriceJump, int batchSize,
    List<String> awaitServices, long rollCallTimeoutMs, long rollCallIntervalMs, boolean lockstep,
    long barrierTimeoutMs, ReplaySpeed speed, long maxTicks, long progressEvery, boolean autoStart,
    FeatureConfig features) {

  public static final String BUNDLED_TRADES = "bitstamp_trades_from_20131125_usd.csv";
  public static final String DEFAULT_DATA = "classpath:" + BUNDLED_TRADES;
  public static final double DEFAULT_MAX_PRICE_JUMP = 0.5;
  public static final int DEFAULT_BATCH_SIZE = 5_000;
  /** Everyone on the pipeline: not ourselves, and not the gateway, which only watches. */
  public static final List<String> DEFAULT_AWAIT_SERVICES = ServiceNames.ALL.stream()
      .filter(s -> !s.equals(ServiceNames.DATA_COLLECTOR) && !s.equals(ServiceNames.GATEWAY))
      .toList();
  public static final long DEFAULT_ROLL_CALL_TIMEOUT_MS = 60_000;
  public static final long DEFAULT_ROLL_CALL_INTERVAL_MS = 250;
  public static final boolean DEFAULT_LOCKSTEP = true;
  /**
   * Longer than any deadline inside the pipeline (TradingClock.REPLAY_DEADLINE_MS), so a slow
   * tick finishes on its own terms; moving on early would make the replay nondeterministic.
   */
  public static final long DEFAULT_BARRIER_TIMEOUT_MS = 2 * TradingClock.REPLAY_DEADLINE_MS;
  public static final String DEFAULT_SPEED = "max";
  public static final long DEFAULT_MAX_TICKS = 0;
  public static final long DEFAULT_PROGRESS_EVERY = 5_000;
  public static final boolean DEFAULT_AUTO_START = true;

  public DataCollectorConfig {
    awaitServices = List.copyOf(awaitServices);
  }

  /** Reads and validates every key. @throws ConfigException naming the first bad key */
  public static DataCollectorConfig from(ConfigReader cfg) {
    String symbol = cfg.string("replay.symbol", Instruments.BITSTAMP_BTC_USD.getSymbol()).trim();
    if (!Instruments.isValidSymbol(symbol)) {
      throw new ConfigException("replay.symbol", "'" + symbol + "' is not BASE/QUOTE in upper case (CCXT notation)");
    }
    String venue = cfg.string("replay.venue", Instruments.BITSTAMP_BTC_USD.getVenue()).trim();
    if (venue.isEmpty()) {
      throw new ConfigException("replay.venue", "must not be empty");
    }
    Instrument instrument = Instruments.BITSTAMP_BTC_USD.toBuilder()
        .setSymbol(symbol)
        .setVenue(venue)
        .setPriceScale(cfg.integer("replay.priceScale", Instruments.BITSTAMP_BTC_USD.getPriceScale(), 0, 12))
        .setSizeScale(cfg.integer("replay.sizeScale", Instruments.BITSTAMP_BTC_USD.getSizeScale(), 0, 12))
        .build();
    String data = cfg.string("replay.data", DEFAULT_DATA).trim();
    if (data.isEmpty()) {
      data = DEFAULT_DATA;
    }
    ReplaySpeed speed;
    try {
      speed = ReplaySpeed.parse(cfg.string("replay.speed", DEFAULT_SPEED));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("replay.speed", e.getMessage());
    }
    return new DataCollectorConfig(
        data,
        instrument,
        cfg.decimal("replay.maxPriceJump", DEFAULT_MAX_PRICE_JUMP, 0.01, 100),
        cfg.integer("replay.batchSize", DEFAULT_BATCH_SIZE, 1, 1_000_000),
        cfg.strings("replay.awaitServices", DEFAULT_AWAIT_SERVICES),
        cfg.integer("replay.rollCallTimeoutMs", DEFAULT_ROLL_CALL_TIMEOUT_MS, 1, 3_600_000),
        cfg.integer("replay.rollCallIntervalMs", DEFAULT_ROLL_CALL_INTERVAL_MS, 1, 60_000),
        cfg.bool("replay.lockstep", DEFAULT_LOCKSTEP),
        cfg.integer("replay.barrierTimeoutMs", DEFAULT_BARRIER_TIMEOUT_MS, 1, 3_600_000),
        speed,
        cfg.integer("replay.maxTicks", DEFAULT_MAX_TICKS, 0, Long.MAX_VALUE),
        cfg.integer("replay.progressEvery", DEFAULT_PROGRESS_EVERY, 1, Long.MAX_VALUE),
        cfg.bool("replay.autoStart", DEFAULT_AUTO_START),
        features(cfg));
  }

  private static FeatureConfig features(ConfigReader cfg) {
    int shortHorizon = cfg.integer("features.returnShort", FeatureConfig.DEFAULT_RETURN_SHORT, 1, 100_000);
    int mediumHorizon = cfg.integer("features.returnMedium", FeatureConfig.DEFAULT_RETURN_MEDIUM, 1, 100_000);
    int longHorizon = cfg.integer("features.returnLong", FeatureConfig.DEFAULT_RETURN_LONG, 1, 100_000);
    if (shortHorizon > mediumHorizon) {
      throw new ConfigException("features.returnMedium", mediumHorizon + " is shorter than features.returnShort " + shortHorizon);
    }
    if (mediumHorizon > longHorizon) {
      throw new ConfigException("features.returnLong", longHorizon + " is shorter than features.returnMedium " + mediumHorizon);
    }
    int emaFast = cfg.integer("features.emaFast", FeatureConfig.DEFAULT_EMA_FAST, 1, 100_000);
    int emaSlow = cfg.integer("features.emaSlow", FeatureConfig.DEFAULT_EMA_SLOW, 1, 100_000);
    if (emaSlow <= emaFast) {
      throw new ConfigException("features.emaSlow", emaSlow + " must be longer than features.emaFast " + emaFast);
    }
    return new FeatureConfig(
        cfg.integer("features.candleSeconds", FeatureConfig.DEFAULT_CANDLE_SECONDS, 1, 86_400 * 7),
        emaFast,
        emaSlow,
        cfg.integer("features.rsiPeriod", FeatureConfig.DEFAULT_RSI_PERIOD, 1, 100_000),
        cfg.decimal("features.volatilityLambda", FeatureConfig.DEFAULT_VOLATILITY_LAMBDA, 0.5, 0.9999),
        shortHorizon,
        mediumHorizon,
        longHorizon,
        cfg.integer("features.flowSpan", FeatureConfig.DEFAULT_FLOW_SPAN, 1, 100_000),
        cfg.decimal("features.tradeRateSeconds", FeatureConfig.DEFAULT_TRADE_RATE_SECONDS, 0.001, 86_400),
        cfg.integer("features.spreadWindow", FeatureConfig.DEFAULT_SPREAD_WINDOW, 2, 100_000),
        cfg.integer("features.vwapSessionSeconds", FeatureConfig.DEFAULT_VWAP_SESSION_SECONDS, 1, 86_400L * 366));
  }
}
