package dev.tradingsystem.data.features;

/**
 * Candles of one timeframe built from trades, gap-filled by rule, and the candle indicators on
 * them: EMA fast/slow, SMA, RSI, MACD, Bollinger, ATR, EWMA and realised volatility and returns,
 * all on closes (ATR on high/low/close). Indicators see each candle once, when it closes, so a
 * candle vector is what a charting tool shows for the finished bar.
 *
 * <p>{@link #onTrade} is O(1) while the bucket is open; the trade that opens a new bucket pays
 * for the closed candle and for each flat candle filled into the gap. Each closed candle is
 * handed to the {@link Listener} right after the indicators took it, so the listener reads the
 * values as of that candle.
 */
public final class TimeframeFeatures {

  /** Receives each closed candle, real or filled, oldest first. */
  public interface Listener {
    /** @param filled true for a zero-volume candle filled into a gap */
    void onCandle(TimeframeFeatures timeframe, CandleAggregator.Bar bar, boolean filled);
  }

  private final CandleAggregator candles;
  private final long intervalMicros;
  private final GapFill gapFill;
  private final int maxGapFill;
  private final double priceDivisor;
  private final Ema emaFast;
  private final Ema emaSlow;
  private final Sma sma;
  private final WilderRsi rsi;
  private final Macd macd;
  private final BollingerBands bollinger;
  private final AverageTrueRange atr;
  private final EwmaVolatility volatility;
  private final RealizedVolatility realizedVolatility;
  private final LogReturns returns;
  private long candlesClosed;

  public TimeframeFeatures(int seconds, FeatureConfig config, double priceDivisor) {
    this.candles = new CandleAggregator(seconds);
    this.intervalMicros = seconds * 1_000_000L;
    this.gapFill = config.gapFill();
    this.maxGapFill = config.maxGapFill();
    this.priceDivisor = priceDivisor;
    this.emaFast = new Ema(config.emaFast());
    this.emaSlow = new Ema(config.emaSlow());
    this.sma = new Sma(config.smaPeriod());
    this.rsi = new WilderRsi(config.rsiPeriod());
    this.macd = new Macd(config.emaFast(), config.emaSlow(), config.macdSignal());
    this.bollinger = new BollingerBands(config.bollingerPeriod(), config.bollingerK());
    this.atr = new AverageTrueRange(config.atrPeriod());
    this.volatility = new EwmaVolatility(config.volatilityLambda());
    this.realizedVolatility = new RealizedVolatility(config.realizedVolWindow());
    this.returns = new LogReturns(config.returnLong());
  }

  /**
   * Adds a trade (price and size units, event-time order).
   *
   * @return the number of candles closed by it (0 most of the time; more than 1 when a gap was filled)
   */
  public int onTrade(long eventTimeUs, long price, long size, Listener listener) {
    CandleAggregator.Bar closed = candles.onTrade(eventTimeUs, price, size);
    if (closed == null) {
      return 0;
    }
    fold(closed);
    listener.onCandle(this, closed, false);
    long gap = candles.skippedBuckets();
    if (gapFill != GapFill.FLAT || gap == 0 || gap > maxGapFill) {
      return 1;
    }
    long close = closed.close();
    for (long i = 1; i <= gap; i++) {
      CandleAggregator.Bar flat =
          new CandleAggregator.Bar(closed.openTimeUs() + i * intervalMicros, close, close, close, close, 0, 0);
      fold(flat);
      listener.onCandle(this, flat, true);
    }
    return 1 + (int) gap;
  }

  /** Folds a candle built elsewhere (a bar file) into the indicators, as a closed candle would be. */
  void fold(CandleAggregator.Bar bar) {
    double close = bar.close() / priceDivisor;
    emaFast.update(close);
    emaSlow.update(close);
    sma.update(close);
    rsi.update(close);
    macd.update(close);
    bollinger.update(close);
    atr.update(bar.high() / priceDivisor, bar.low() / priceDivisor, close);
    volatility.update(close);
    realizedVolatility.update(close);
    returns.update(close);
    candlesClosed++;
  }

  public int seconds() {
    return candles.intervalSeconds();
  }

  /** Candles folded so far, filled ones included. */
  public long candlesClosed() {
    return candlesClosed;
  }

  public double emaFast() {
    return emaFast.value();
  }

  public double emaSlow() {
    return emaSlow.value();
  }

  public double sma() {
    return sma.value();
  }

  public double rsi() {
    return rsi.value();
  }

  public double macd() {
    return macd.line();
  }

  public double macdSignal() {
    return macd.signal();
  }

  public double macdHistogram() {
    return macd.histogram();
  }

  public double bollingerMiddle() {
    return bollinger.middle();
  }

  public double bollingerUpper() {
    return bollinger.upper();
  }

  public double bollingerLower() {
    return bollinger.lower();
  }

  public double atr() {
    return atr.value();
  }

  public double volatility() {
    return volatility.value();
  }

  public double realizedVolatility() {
    return realizedVolatility.value();
  }

  /** Log return over {@code candles} closed candles (0 while fewer exist). */
  public double returnOver(int candles) {
    return returns.over(candles);
  }
}
