package dev.tradingsystem.data.features;

import dev.tradingsystem.data.book.BookView;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.msg.Metas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * All features of one instrument: a tick vector ({@code timeframe_sec = 0}) per accepted trade
 * and a candle vector per closed candle of each configured timeframe. Every indicator updates in
 * O(1) without allocating; the only allocations per trade are the published messages themselves.
 * Prices enter in fixed point and become doubles only here, because indicators are statistics,
 * not money.
 *
 * <p>Until {@link #onBook} has seen a usable book, {@code mid} and {@code microprice} are the
 * trade price, the book imbalances and best bid/ask are 0, and {@code spread_bps} is Roll's
 * estimate from trades; afterwards they come from the latest book.
 * Single-threaded: one engine per instrument, used from one context.
 */
public final class FeatureEngine {

  private final FeatureConfig config;
  private final Instrument instrument;
  private final double priceDivisor;
  private final double sizeDivisor;
  private final TimeframeFeatures[] timeframes;
  private final boolean[] published;
  private final TimeframeFeatures base;
  private final Macd macd;
  private final Sma sma;
  private final BollingerBands bollinger;
  private final WilderRsi rsi;
  private final EwmaVolatility volatility;
  private final RealizedVolatility realizedVolatility;
  private final SessionVwap vwap;
  private final LogReturns returns;
  private final TradeFlowImbalance flow;
  private final TradeRate tradeRate;
  private final RollSpread spread;
  private final VolumeProfile profile;
  private final BookFeatures book;
  private final List<FeatureVector> candleVectors = new ArrayList<>();
  private final List<FeatureVector> candleVectorsView = Collections.unmodifiableList(candleVectors);
  private final TimeframeFeatures.Listener onCandle = this::onCandle;
  private long tradesSeen;
  private long lastSize;
  private long bookTimeUs = Long.MIN_VALUE;
  private Meta cause;
  private Candle baseClosed;

  public FeatureEngine(FeatureConfig config, Instrument instrument) {
    this.config = config;
    this.instrument = instrument;
    this.priceDivisor = FixedPoint.pow10(instrument.getPriceScale());
    this.sizeDivisor = FixedPoint.pow10(instrument.getSizeScale());
    List<Integer> seconds = new ArrayList<>(config.timeframes());
    if (!seconds.contains(config.candleSeconds())) {
      seconds.add(config.candleSeconds());
    }
    this.timeframes = new TimeframeFeatures[seconds.size()];
    this.published = new boolean[seconds.size()];
    TimeframeFeatures baseTimeframe = null;
    for (int i = 0; i < timeframes.length; i++) {
      timeframes[i] = new TimeframeFeatures(seconds.get(i), config, priceDivisor);
      published[i] = config.timeframes().contains(seconds.get(i));
      if (seconds.get(i) == config.candleSeconds()) {
        baseTimeframe = timeframes[i];
      }
    }
    this.base = baseTimeframe;
    this.macd = new Macd(config.emaFast(), config.emaSlow(), config.macdSignal());
    this.sma = new Sma(config.smaPeriod());
    this.bollinger = new BollingerBands(config.bollingerPeriod(), config.bollingerK());
    this.rsi = new WilderRsi(config.rsiPeriod());
    this.volatility = new EwmaVolatility(config.volatilityLambda());
    this.realizedVolatility = new RealizedVolatility(config.realizedVolWindow());
    this.vwap = new SessionVwap(config.vwapSessionSeconds());
    this.returns = new LogReturns(config.returnLong());
    this.flow = new TradeFlowImbalance(config.flowSpan());
    this.tradeRate = new TradeRate(config.tradeRateSeconds());
    this.spread = new RollSpread(config.spreadWindow());
    this.profile = new VolumeProfile(config.profileWindow(), config.profileBinBps(), config.profileMaxBins(),
        config.valueAreaShare());
    this.book = new BookFeatures(config.bookLevels(), priceDivisor);
  }

  /**
   * Folds one trade into every feature and returns the tick vector after it. Candles it closed
   * (per timeframe, gap fill included) are afterwards in {@link #closedCandleVectors()}.
   *
   * @param meta the trade's header; the vector carries it unchanged and closed candles derive from it
   * @param price price units, &gt; 0
   * @param size size units, &gt; 0
   * @param aggressor the reported taker side, or {@code SIDE_UNSPECIFIED} to infer it by tick test
   */
  public FeatureVector onTrade(Meta meta, long eventTimeUs, long price, long size, Side aggressor) {
    cause = meta;
    baseClosed = null;
    candleVectors.clear();
    // Candles first: a candle vector describes the market up to its close, before this trade.
    for (TimeframeFeatures timeframe : timeframes) {
      timeframe.onTrade(eventTimeUs, price, size, onCandle);
    }
    double p = price / priceDivisor;
    double q = size / sizeDivisor;
    tradesSeen++;
    lastSize = size;
    macd.update(p);
    sma.update(p);
    bollinger.update(p);
    rsi.update(p);
    volatility.update(p);
    realizedVolatility.update(p);
    vwap.update(eventTimeUs, p, q);
    returns.update(p);
    flow.update(p, q, aggressor == Side.BUY ? 1 : aggressor == Side.SELL ? -1 : 0);
    tradeRate.update(eventTimeUs);
    spread.update(p);
    profile.update(p, size);
    profile.compute();

    FeatureVector.Builder vector = FeatureVector.newBuilder()
        .setMeta(meta)
        .setTimeframeSec(0)
        .setPrice(p)
        .setEmaFast(macd.fastEma())
        .setEmaSlow(macd.slowEma())
        .setRsi(rsi.value())
        .setVolatility(volatility.value())
        .setReturnShort(returns.over(config.returnShort()))
        .setReturnMedium(returns.over(config.returnMedium()))
        .setReturnLong(returns.over(config.returnLong()))
        .setTradeRate(tradeRate.value())
        .setSma(sma.value())
        .setMacd(macd.line())
        .setMacdSignal(macd.signal())
        .setMacdHistogram(macd.histogram())
        .setBollingerMiddle(bollinger.middle())
        .setBollingerUpper(bollinger.upper())
        .setBollingerLower(bollinger.lower())
        .setAtr(base.atr())
        .setRealizedVolatility(realizedVolatility.value());
    context(vector, p);
    if (baseClosed != null) {
      vector.setClosedCandle(baseClosed);
    }
    return vector.build();
  }

  /**
   * Takes the latest order book: best bid/ask, mid, microprice, spread and the imbalances of the
   * following vectors come from it. A one-sided or crossed book, or one stamped before the book
   * already applied, is ignored and the previous book's values stay.
   *
   * @param book the book, read in place during the call
   * @param eventTimeUs the book's exchange time
   */
  public void onBook(BookView book, long eventTimeUs) {
    if (eventTimeUs < bookTimeUs) {
      return;
    }
    if (this.book.update(book)) {
      bookTimeUs = eventTimeUs;
    }
  }

  /**
   * The candle vectors ({@code timeframe_sec > 0}) the last {@link #onTrade} closed, oldest first
   * within each timeframe, for the configured {@code features.timeframes} only; empty on most
   * trades. A read-only view that the next {@code onTrade} replaces: publish it before then.
   */
  public List<FeatureVector> closedCandleVectors() {
    return candleVectorsView;
  }

  public long tradesSeen() {
    return tradesSeen;
  }

  private void onCandle(TimeframeFeatures timeframe, CandleAggregator.Bar bar, boolean filled) {
    Candle candle = candle(timeframe.seconds(), bar);
    if (timeframe == base && !filled && baseClosed == null) {
      baseClosed = candle;
    }
    int index = indexOf(timeframe);
    if (!published[index]) {
      return;
    }
    double close = bar.close() / priceDivisor;
    FeatureVector.Builder vector = FeatureVector.newBuilder()
        .setMeta(Metas.derive(cause, "fc-" + timeframe.seconds() + "-" + bar.openTimeUs() / 1_000_000L))
        .setTimeframeSec(timeframe.seconds())
        .setPrice(close)
        .setEmaFast(timeframe.emaFast())
        .setEmaSlow(timeframe.emaSlow())
        .setRsi(timeframe.rsi())
        .setVolatility(timeframe.volatility())
        .setReturnShort(timeframe.returnOver(config.returnShort()))
        .setReturnMedium(timeframe.returnOver(config.returnMedium()))
        .setReturnLong(timeframe.returnOver(config.returnLong()))
        .setTradeRate(bar.tradeCount() / (double) timeframe.seconds())
        .setSma(timeframe.sma())
        .setMacd(timeframe.macd())
        .setMacdSignal(timeframe.macdSignal())
        .setMacdHistogram(timeframe.macdHistogram())
        .setBollingerMiddle(timeframe.bollingerMiddle())
        .setBollingerUpper(timeframe.bollingerUpper())
        .setBollingerLower(timeframe.bollingerLower())
        .setAtr(timeframe.atr())
        .setRealizedVolatility(timeframe.realizedVolatility())
        .setClosedCandle(candle);
    context(vector, close);
    candleVectors.add(vector.build());
  }

  /** Fields shared by tick and candle vectors: book, flow, VWAP, profile, counters. */
  private void context(FeatureVector.Builder vector, double lastPrice) {
    vector.setInstrument(instrument)
        .setVenue(instrument.getVenue())
        .setVwap(vwap.value())
        .setTradeFlowImbalance(flow.value())
        .setVolumePoc(profile.pointOfControl())
        .setValueAreaLow(profile.valueAreaLow())
        .setValueAreaHigh(profile.valueAreaHigh())
        .setTradesSeen(tradesSeen)
        .setLastSize(lastSize);
    if (book.valid()) {
      vector.setMid(book.mid())
          .setMicroprice(book.microprice())
          .setSpreadBps(book.spreadBps())
          .setBestBid(book.bestBid())
          .setBestAsk(book.bestAsk())
          .setBookImbalance(book.imbalance())
          .setBookImbalanceTopN(book.imbalanceTopN());
    } else {
      vector.setMid(lastPrice)
          .setMicroprice(lastPrice)
          .setSpreadBps(spread.spreadBps());
    }
  }

  private int indexOf(TimeframeFeatures timeframe) {
    for (int i = 0; i < timeframes.length; i++) {
      if (timeframes[i] == timeframe) {
        return i;
      }
    }
    throw new IllegalStateException("unknown timeframe " + timeframe.seconds());
  }

  private Candle candle(int seconds, CandleAggregator.Bar bar) {
    return Candle.newBuilder()
        .setMeta(Metas.derive(cause, "cd-" + seconds + "-" + bar.openTimeUs() / 1_000_000L))
        .setInstrument(instrument)
        .setIntervalSec(seconds)
        .setOpenTimeUs(bar.openTimeUs())
        .setOpen(bar.open())
        .setHigh(bar.high())
        .setLow(bar.low())
        .setClose(bar.close())
        .setVolume(bar.volume())
        .setTradeCount(bar.tradeCount())
        .build();
  }
}
