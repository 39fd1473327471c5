package dev.tradingsystem.data;

import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.live.LiveConfig;
import dev.tradingsystem.data.replay.ReplaySpeed;
import dev.tradingsystem.data.source.BarTime;
import dev.tradingsystem.data.source.ReplayFormat;
import dev.tradingsystem.data.source.SourceSettings;
import dev.tradingsystem.data.source.SymbolNames;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import java.util.List;

/**
 * The data-collector's settings ({@code collector.source}, {@code replay.*}, {@code features.*} and,
 * live, {@code live.*}), read and validated
 * once at start; a bad value fails the deployment naming its key.
 *
 * @param data replay file: a path or {@code classpath:<resource>} ({@code .gz}/{@code .zip} read in place);
 *     the bundled Bitstamp trades by default
 * @param instrument symbol, venue and fixed-point scales of plain CSV files, which carry none of them
 * @param source format, symbol and scale overrides for the other formats ({@code replay.format},
 *     and {@code replay.symbol}/{@code venue}/{@code priceScale}/{@code sizeScale} when set), and for
 *     candle CSVs the bar interval ({@code replay.interval}) and which bar instant the time column
 *     names ({@code replay.barTime}, default open); what is not set is detected from the file name and data
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
 * @param maxTicks stop after this many market events (a candle with its bar path counts once); 0 replays everything
 * @param progressEvery publish ReplayProgress every this many ticks
 * @param autoStart start after deployment; otherwise on a message to {@code replay.start}
 * @param features feature parameters
 * @param collectorSource where market data comes from ({@code collector.source}): {@code replay}
 *     (default) replays {@code replay.data} deterministically in lockstep with the pipeline, so runs
 *     are reproducible and comparable; {@code live} streams the venues of {@code live.*} as they
 *     trade: current prices, but no roll call, no barrier and no end, so runs cannot be repeated and
 *     a slow participant falls behind instead of holding the market back
 * @param live the live feeds' settings; read (and validated) only in live mode, {@code null} for a replay
 */
public record DataCollectorConfig(String data, Instrument instrument, SourceSettings source, double maxPriceJump, int batchSize,
    List<String> awaitServices, long rollCallTimeoutMs, long rollCallIntervalMs, boolean lockstep,
    long barrierTimeoutMs, ReplaySpeed speed, long maxTicks, long progressEvery, boolean autoStart,
    FeatureConfig features, CollectorSource collectorSource, LiveConfig live) {

  /** Where the collector's market data comes from. */
  public enum CollectorSource {
    /** A recorded file, replayed deterministically. */
    REPLAY,
    /** The exchanges' live WebSocket feeds. */
    LIVE
  }

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
  /**
   * Candle CSVs stamp a bar with its open unless told otherwise: ccxt, pandas resamples, Freqtrade
   * and Binance all do. Getting it wrong shifts every decision by one bar (look-ahead with
   * {@code open} on close-stamped data), so vendors that stamp the close need {@code replay.barTime=close}.
   */
  public static final BarTime DEFAULT_BAR_TIME = BarTime.OPEN;
  /** Replay by default: reproducible runs need no network and no exchange. */
  public static final CollectorSource DEFAULT_COLLECTOR_SOURCE = CollectorSource.REPLAY;

  public DataCollectorConfig {
    awaitServices = List.copyOf(awaitServices);
  }

  /** Whether the collector streams the live feeds instead of replaying a file. */
  public boolean isLive() {
    return collectorSource == CollectorSource.LIVE;
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
    ReplayFormat format;
    try {
      format = ReplayFormat.parse(cfg.string("replay.format", ReplayFormat.AUTO.configName()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("replay.format", e.getMessage());
    }
    double maxPriceJump = cfg.decimal("replay.maxPriceJump", DEFAULT_MAX_PRICE_JUMP, 0.01, 100);
    SourceSettings source = new SourceSettings(format,
        cfg.raw("replay.symbol") != null ? symbol : null,
        cfg.raw("replay.venue") != null ? venue : null,
        cfg.raw("replay.priceScale") != null ? instrument.getPriceScale() : -1,
        cfg.raw("replay.sizeScale") != null ? instrument.getSizeScale() : -1,
        instrument, maxPriceJump, intervalSec(cfg), cfg.enumValue("replay.barTime", BarTime.class, DEFAULT_BAR_TIME));
    ReplaySpeed speed;
    try {
      speed = ReplaySpeed.parse(cfg.string("replay.speed", DEFAULT_SPEED));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("replay.speed", e.getMessage());
    }
    CollectorSource collectorSource = cfg.enumValue("collector.source", CollectorSource.class, DEFAULT_COLLECTOR_SOURCE);
    // Only a live collector reads live.*: a replay must not fail on keys it never uses.
    LiveConfig live = collectorSource == CollectorSource.LIVE ? LiveConfig.from(cfg) : null;
    return new DataCollectorConfig(
        data,
        instrument,
        source,
        maxPriceJump,
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
        features(cfg),
        collectorSource,
        live);
  }

  /**
   * {@code replay.interval}: a timeframe such as {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d};
   * unset (0) lets a candle CSV's file name or rows tell it.
   */
  private static int intervalSec(ConfigReader cfg) {
    String text = cfg.string("replay.interval", "").trim();
    if (text.isEmpty()) {
      return 0;
    }
    return SymbolNames.timeframeSeconds(text).orElseThrow(() -> new ConfigException("replay.interval",
        "'" + text + "' is not a timeframe such as 1s, 1m, 5m, 1h, 4h, 1d, 1w or 1M (30 days)"));
  }

  /** Feature keys are owned by the feature engine; it reads and validates them. */
  private static FeatureConfig features(ConfigReader cfg) {
    return FeatureConfig.read(cfg);
  }
}
