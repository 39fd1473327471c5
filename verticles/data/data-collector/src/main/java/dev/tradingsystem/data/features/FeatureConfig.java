package dev.tradingsystem.data.features;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of the tick and candle features ({@code features.*} keys). Each trades reactivity
 * against noise. Tick indicators count trades; candle indicators (per timeframe) count candles.
 *
 * @param candleSeconds candle length of the tick vector's {@code closed_candle} and ATR; shorter gives agents more bars but noisier ones
 * @param emaFast fast EMA period (also MACD's fast leg); the trend signal's responsiveness
 * @param emaSlow slow EMA period (also MACD's slow leg); must exceed emaFast for a meaningful crossover
 * @param rsiPeriod Wilder RSI period; 14 is the convention agents expect
 * @param volatilityLambda EWMA decay per observation; higher is smoother and slower to react to a shock
 * @param returnShort short return horizon in observations
 * @param returnMedium medium return horizon in observations
 * @param returnLong long return horizon in observations; also the ring buffer length
 * @param flowSpan trade-flow imbalance EWMA span in trades; short spans chase single prints
 * @param tradeRateSeconds time constant of the trade-rate EWMA in seconds of event time
 * @param spreadWindow change pairs in Roll's covariance; small windows are noisy, large ones lag
 * @param vwapSessionSeconds VWAP session length; 86400 resets at each UTC midnight
 * @param smaPeriod SMA period; longer is smoother and later
 * @param macdSignal MACD signal EMA period; 9 is the convention, shorter crosses the line more often
 * @param bollingerPeriod Bollinger window; 20 is Bollinger's own choice
 * @param bollingerK band width in standard deviations; 2 holds ~95% of a normal window, narrower bands touch more often
 * @param atrPeriod ATR smoothing period in candles; longer is steadier and slower to see a volatility regime change
 * @param realizedVolWindow log returns in the realised-volatility window; short windows are noisy, long ones keep a shock for the whole window
 * @param bookLevels levels summed by {@code book_imbalance_top_n}; deeper sees more resting interest but more spoofable far levels
 * @param profileWindow trades in the volume profile; longer shows the session's acceptance, shorter the last minutes
 * @param profileBinBps volume-profile bin width in basis points of price; wide bins blur, narrow ones scatter the POC
 * @param profileMaxBins bins held around the price; a window spanning more piles its extremes into the edge bins (memory only, query cost follows occupied bins)
 * @param valueAreaShare share of the profile's volume inside the value area; 0.70 is Market Profile's convention
 * @param timeframes candle timeframes in seconds published as candle feature vectors (each divides a day); every one costs a candle update per trade
 * @param gapFill what an empty bucket becomes (see {@link GapFill}); FLAT by default so a period means a span of time
 * @param maxGapFill most flat candles filled into one gap; a longer gap is a feed outage, not a quiet market, and is left as a gap rather than flooding the bus
 */
public record FeatureConfig(int candleSeconds, int emaFast, int emaSlow, int rsiPeriod, double volatilityLambda,
    int returnShort, int returnMedium, int returnLong, int flowSpan, double tradeRateSeconds, int spreadWindow,
    long vwapSessionSeconds, int smaPeriod, int macdSignal, int bollingerPeriod, double bollingerK, int atrPeriod,
    int realizedVolWindow, int bookLevels, int profileWindow, double profileBinBps, int profileMaxBins,
    double valueAreaShare, List<Integer> timeframes, GapFill gapFill, int maxGapFill) {

  public static final int DEFAULT_CANDLE_SECONDS = 60;
  public static final int DEFAULT_EMA_FAST = 12;
  public static final int DEFAULT_EMA_SLOW = 26;
  public static final int DEFAULT_RSI_PERIOD = 14;
  public static final double DEFAULT_VOLATILITY_LAMBDA = 0.94;
  public static final int DEFAULT_RETURN_SHORT = 5;
  public static final int DEFAULT_RETURN_MEDIUM = 20;
  public static final int DEFAULT_RETURN_LONG = 100;
  public static final int DEFAULT_FLOW_SPAN = 50;
  public static final double DEFAULT_TRADE_RATE_SECONDS = 60;
  public static final int DEFAULT_SPREAD_WINDOW = 100;
  public static final long DEFAULT_VWAP_SESSION_SECONDS = 86_400;
  public static final int DEFAULT_SMA_PERIOD = 20;
  public static final int DEFAULT_MACD_SIGNAL = 9;
  public static final int DEFAULT_BOLLINGER_PERIOD = 20;
  public static final double DEFAULT_BOLLINGER_K = 2.0;
  public static final int DEFAULT_ATR_PERIOD = 14;
  public static final int DEFAULT_REALIZED_VOL_WINDOW = 100;
  public static final int DEFAULT_BOOK_LEVELS = 5;
  public static final int DEFAULT_PROFILE_WINDOW = 1_000;
  public static final double DEFAULT_PROFILE_BIN_BPS = 5.0;
  public static final int DEFAULT_PROFILE_MAX_BINS = 1_024;
  public static final double DEFAULT_VALUE_AREA_SHARE = 0.70;
  public static final List<Integer> DEFAULT_TIMEFRAMES = List.of(60);
  public static final GapFill DEFAULT_GAP_FILL = GapFill.FLAT;
  public static final int DEFAULT_MAX_GAP_FILL = 1_440;

  private static final int DAY_SECONDS = 86_400;

  public FeatureConfig {
    if (!(returnShort <= returnMedium && returnMedium <= returnLong)) {
      throw new IllegalArgumentException("return horizons must satisfy short <= medium <= long, got "
          + returnShort + ", " + returnMedium + ", " + returnLong);
    }
    timeframes = List.copyOf(timeframes);
    for (int seconds : timeframes) {
      if (!validTimeframe(seconds)) {
        throw new IllegalArgumentException("timeframe " + seconds + " s must be in [1, 86400] and divide a day");
      }
    }
  }

  /** The pre-timeframe parameter set; everything added since takes its default. */
  public FeatureConfig(int candleSeconds, int emaFast, int emaSlow, int rsiPeriod, double volatilityLambda,
      int returnShort, int returnMedium, int returnLong, int flowSpan, double tradeRateSeconds, int spreadWindow,
      long vwapSessionSeconds) {
    this(candleSeconds, emaFast, emaSlow, rsiPeriod, volatilityLambda, returnShort, returnMedium, returnLong, flowSpan,
        tradeRateSeconds, spreadWindow, vwapSessionSeconds, DEFAULT_SMA_PERIOD, DEFAULT_MACD_SIGNAL,
        DEFAULT_BOLLINGER_PERIOD, DEFAULT_BOLLINGER_K, DEFAULT_ATR_PERIOD, DEFAULT_REALIZED_VOL_WINDOW,
        DEFAULT_BOOK_LEVELS, DEFAULT_PROFILE_WINDOW, DEFAULT_PROFILE_BIN_BPS, DEFAULT_PROFILE_MAX_BINS,
        DEFAULT_VALUE_AREA_SHARE, DEFAULT_TIMEFRAMES, DEFAULT_GAP_FILL, DEFAULT_MAX_GAP_FILL);
  }

  public static FeatureConfig defaults() {
    return new FeatureConfig(DEFAULT_CANDLE_SECONDS, DEFAULT_EMA_FAST, DEFAULT_EMA_SLOW, DEFAULT_RSI_PERIOD,
        DEFAULT_VOLATILITY_LAMBDA, DEFAULT_RETURN_SHORT, DEFAULT_RETURN_MEDIUM, DEFAULT_RETURN_LONG,
        DEFAULT_FLOW_SPAN, DEFAULT_TRADE_RATE_SECONDS, DEFAULT_SPREAD_WINDOW, DEFAULT_VWAP_SESSION_SECONDS);
  }

  /** A copy publishing candle vectors for these timeframes, gap-filled by {@code rule}. */
  public FeatureConfig withTimeframes(List<Integer> seconds, GapFill rule) {
    return new FeatureConfig(candleSeconds, emaFast, emaSlow, rsiPeriod, volatilityLambda, returnShort, returnMedium,
        returnLong, flowSpan, tradeRateSeconds, spreadWindow, vwapSessionSeconds, smaPeriod, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, realizedVolWindow, bookLevels, profileWindow, profileBinBps,
        profileMaxBins, valueAreaShare, seconds, rule, maxGapFill);
  }

  /** A copy with another gap rule and fill limit. */
  public FeatureConfig withGapFill(GapFill rule, int maxFilled) {
    return new FeatureConfig(candleSeconds, emaFast, emaSlow, rsiPeriod, volatilityLambda, returnShort, returnMedium,
        returnLong, flowSpan, tradeRateSeconds, spreadWindow, vwapSessionSeconds, smaPeriod, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, realizedVolWindow, bookLevels, profileWindow, profileBinBps,
        profileMaxBins, valueAreaShare, timeframes, rule, maxFilled);
  }

  /** Whether {@code seconds} is a valid candle timeframe: 1 s to a day, dividing the day evenly. */
  public static boolean validTimeframe(int seconds) {
    return seconds >= 1 && seconds <= DAY_SECONDS && DAY_SECONDS % seconds == 0;
  }

  /**
   * Reads every {@code features.*} key with its default, failing with a {@link ConfigException}
   * naming the key on a bad value.
   */
  public static FeatureConfig read(ConfigReader cfg) {
    int shortHorizon = cfg.integer("features.returnShort", DEFAULT_RETURN_SHORT, 1, 100_000);
    int mediumHorizon = cfg.integer("features.returnMedium", DEFAULT_RETURN_MEDIUM, 1, 100_000);
    int longHorizon = cfg.integer("features.returnLong", DEFAULT_RETURN_LONG, 1, 100_000);
    if (shortHorizon > mediumHorizon) {
      throw new ConfigException("features.returnMedium", mediumHorizon + " is shorter than features.returnShort " + shortHorizon);
    }
    if (mediumHorizon > longHorizon) {
      throw new ConfigException("features.returnLong", longHorizon + " is shorter than features.returnMedium " + mediumHorizon);
    }
    int emaFast = cfg.integer("features.emaFast", DEFAULT_EMA_FAST, 1, 100_000);
    int emaSlow = cfg.integer("features.emaSlow", DEFAULT_EMA_SLOW, 1, 100_000);
    if (emaSlow <= emaFast) {
      throw new ConfigException("features.emaSlow", emaSlow + " must be longer than features.emaFast " + emaFast);
    }
    return new FeatureConfig(
        cfg.integer("features.candleSeconds", DEFAULT_CANDLE_SECONDS, 1, 86_400 * 7),
        emaFast,
        emaSlow,
        cfg.integer("features.rsiPeriod", DEFAULT_RSI_PERIOD, 1, 100_000),
        cfg.decimal("features.volatilityLambda", DEFAULT_VOLATILITY_LAMBDA, 0.5, 0.9999),
        shortHorizon,
        mediumHorizon,
        longHorizon,
        cfg.integer("features.flowSpan", DEFAULT_FLOW_SPAN, 1, 100_000),
        cfg.decimal("features.tradeRateSeconds", DEFAULT_TRADE_RATE_SECONDS, 0.001, 86_400),
        cfg.integer("features.spreadWindow", DEFAULT_SPREAD_WINDOW, 2, 100_000),
        cfg.integer("features.vwapSessionSeconds", DEFAULT_VWAP_SESSION_SECONDS, 1, 86_400L * 366),
        cfg.integer("features.smaPeriod", DEFAULT_SMA_PERIOD, 1, 100_000),
        cfg.integer("features.macdSignal", DEFAULT_MACD_SIGNAL, 1, 100_000),
        cfg.integer("features.bollingerPeriod", DEFAULT_BOLLINGER_PERIOD, 1, 100_000),
        cfg.decimal("features.bollingerK", DEFAULT_BOLLINGER_K, 0.1, 10),
        cfg.integer("features.atrPeriod", DEFAULT_ATR_PERIOD, 1, 100_000),
        cfg.integer("features.realizedVolWindow", DEFAULT_REALIZED_VOL_WINDOW, 2, 100_000),
        cfg.integer("features.bookLevels", DEFAULT_BOOK_LEVELS, 1, 1_000),
        cfg.integer("features.profileWindow", DEFAULT_PROFILE_WINDOW, 1, 1_000_000),
        cfg.decimal("features.profileBinBps", DEFAULT_PROFILE_BIN_BPS, 0.01, 1_000),
        cfg.integer("features.profileMaxBins", DEFAULT_PROFILE_MAX_BINS, 2, 1_000_000),
        cfg.decimal("features.valueAreaShare", DEFAULT_VALUE_AREA_SHARE, 0.01, 1),
        timeframes(cfg),
        cfg.enumValue("features.gapFill", GapFill.class, DEFAULT_GAP_FILL),
        cfg.integer("features.maxGapFill", DEFAULT_MAX_GAP_FILL, 0, 1_000_000));
  }

  private static List<Integer> timeframes(ConfigReader cfg) {
    List<String> raw = cfg.strings("features.timeframes", null);
    if (raw == null) {
      return DEFAULT_TIMEFRAMES;
    }
    List<Integer> seconds = new ArrayList<>();
    for (String entry : raw) {
      int value;
      try {
        value = (int) Double.parseDouble(entry);
        if (value != Double.parseDouble(entry)) {
          throw new NumberFormatException(entry);
        }
      } catch (NumberFormatException e) {
        throw new ConfigException("features.timeframes", "'" + entry + "' is not a whole number of seconds");
      }
      if (!validTimeframe(value)) {
        throw new ConfigException("features.timeframes", value + " s must be in [1, 86400] and divide a day");
      }
      if (!seconds.contains(value)) {
        seconds.add(value);
      }
    }
    if (seconds.isEmpty()) {
      throw new ConfigException("features.timeframes", "needs at least one timeframe");
    }
    return seconds;
  }
}
