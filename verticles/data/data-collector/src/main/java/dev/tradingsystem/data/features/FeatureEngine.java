package dev.tradingsystem.data.features;

import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.msg.Metas;

/**
 * All tick features of one instrument, updated once per accepted trade in O(1). Prices enter in
 * fixed point and become doubles only here, because indicators are statistics, not money.
 *
 * <p>Without an order book at this level: {@code mid} and {@code microprice} are the trade price,
 * {@code book_imbalance} is 0, and {@code spread_bps} is Roll's estimate from trades.
 * Single-threaded: one engine per instrument, used from one context.
 */
public final class FeatureEngine {

  private final FeatureConfig config;
  private final Instrument instrument;
  private final double priceDivisor;
  private final double sizeDivisor;
  private final CandleAggregator candles;
  private final Ema emaFast;
  private final Ema emaSlow;
  private final WilderRsi rsi;
  private final EwmaVolatility volatility;
  private final SessionVwap vwap;
  private final LogReturns returns;
  private final TradeFlowImbalance flow;
  private final TradeRate tradeRate;
  private final RollSpread spread;
  private long tradesSeen;

  public FeatureEngine(FeatureConfig config, Instrument instrument) {
    this.config = config;
    this.instrument = instrument;
    this.priceDivisor = FixedPoint.pow10(instrument.getPriceScale());
    this.sizeDivisor = FixedPoint.pow10(instrument.getSizeScale());
    this.candles = new CandleAggregator(config.candleSeconds());
    this.emaFast = new Ema(config.emaFast());
    this.emaSlow = new Ema(config.emaSlow());
    this.rsi = new WilderRsi(config.rsiPeriod());
    this.volatility = new EwmaVolatility(config.volatilityLambda());
    this.vwap = new SessionVwap(config.vwapSessionSeconds());
    this.returns = new LogReturns(config.returnLong());
    this.flow = new TradeFlowImbalance(config.flowSpan());
    this.tradeRate = new TradeRate(config.tradeRateSeconds());
    this.spread = new RollSpread(config.spreadWindow());
  }

  /**
   * Folds one trade into every feature and returns the vector after it.
   *
   * @param meta the trade's header; the vector carries it unchanged and a closed candle derives from it
   * @param price price units, &gt; 0
   * @param size size units, &gt; 0
   * @param aggressor the reported taker side, or {@code SIDE_UNSPECIFIED} to infer it by tick test
   */
  public FeatureVector onTrade(Meta meta, long eventTimeUs, long price, long size, Side aggressor) {
    double p = price / priceDivisor;
    double q = size / sizeDivisor;
    tradesSeen++;
    CandleAggregator.Bar closed = candles.onTrade(eventTimeUs, price, size);
    emaFast.update(p);
    emaSlow.update(p);
    rsi.update(p);
    volatility.update(p);
    vwap.update(eventTimeUs, p, q);
    returns.update(p);
    flow.update(p, q, aggressor == Side.BUY ? 1 : aggressor == Side.SELL ? -1 : 0);
    tradeRate.update(eventTimeUs);
    spread.update(p);

    FeatureVector.Builder vector = FeatureVector.newBuilder()
        .setMeta(meta)
        .setInstrument(instrument)
        .setTimeframeSec(0)
        .setPrice(p)
        .setMid(p)
        .setSpreadBps(spread.spreadBps())
        .setEmaFast(emaFast.value())
        .setEmaSlow(emaSlow.value())
        .setRsi(rsi.value())
        .setVolatility(volatility.value())
        .setVwap(vwap.value())
        .setReturnShort(returns.over(config.returnShort()))
        .setReturnMedium(returns.over(config.returnMedium()))
        .setReturnLong(returns.over(config.returnLong()))
        .setTradeFlowImbalance(flow.value())
        .setTradeRate(tradeRate.value())
        .setBookImbalance(0)
        .setMicroprice(p)
        .setTradesSeen(tradesSeen)
        .setLastSize(size);
    if (closed != null) {
      vector.setClosedCandle(candle(meta, closed));
    }
    return vector.build();
  }

  public long tradesSeen() {
    return tradesSeen;
  }

  private Candle candle(Meta cause, CandleAggregator.Bar bar) {
    return Candle.newBuilder()
        .setMeta(Metas.derive(cause, "cd-" + cause.getSeq()))
        .setInstrument(instrument)
        .setIntervalSec(candles.intervalSeconds())
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
