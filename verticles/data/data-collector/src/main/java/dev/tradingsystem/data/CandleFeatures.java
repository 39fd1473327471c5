package dev.tradingsystem.data;

import dev.tradingsystem.data.features.Ema;
import dev.tradingsystem.data.features.EwmaVolatility;
import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.features.LogReturns;
import dev.tradingsystem.data.features.WilderRsi;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.money.FixedPoint;

/**
 * Features of a candle-only source (Binance klines, Freqtrade JSON), one vector per candle on the
 * candle's timeframe. Built from closes only: there are no trades, so trade flow, trade rate and
 * the book fields stay 0 rather than being invented from bars. Single-threaded.
 */
final class CandleFeatures {

  private final FeatureConfig config;
  private final Instrument instrument;
  private final double priceDivisor;
  private final Ema emaFast;
  private final Ema emaSlow;
  private final WilderRsi rsi;
  private final EwmaVolatility volatility;
  private final LogReturns returns;
  private long tradesSeen;

  CandleFeatures(FeatureConfig config, Instrument instrument) {
    this.config = config;
    this.instrument = instrument;
    this.priceDivisor = FixedPoint.pow10(instrument.getPriceScale());
    this.emaFast = new Ema(config.emaFast());
    this.emaSlow = new Ema(config.emaSlow());
    this.rsi = new WilderRsi(config.rsiPeriod());
    this.volatility = new EwmaVolatility(config.volatilityLambda());
    this.returns = new LogReturns(config.returnLong());
  }

  /** Folds one closed candle in and returns the vector after it, carrying {@code meta}. */
  FeatureVector onCandle(Meta meta, Candle candle) {
    double close = candle.getClose() / priceDivisor;
    emaFast.update(close);
    emaSlow.update(close);
    rsi.update(close);
    volatility.update(close);
    returns.update(close);
    tradesSeen += candle.getTradeCount();
    double macd = emaFast.value() - emaSlow.value();
    return FeatureVector.newBuilder()
        .setMeta(meta)
        .setInstrument(instrument)
        .setVenue(instrument.getVenue())
        .setTimeframeSec(candle.getIntervalSec())
        .setPrice(close)
        .setMid(close)
        .setMicroprice(close)
        .setEmaFast(emaFast.value())
        .setEmaSlow(emaSlow.value())
        .setMacd(macd)
        .setRsi(rsi.value())
        .setVolatility(volatility.value())
        .setReturnShort(returns.over(config.returnShort()))
        .setReturnMedium(returns.over(config.returnMedium()))
        .setReturnLong(returns.over(config.returnLong()))
        .setTradesSeen(tradesSeen)
        .setLastSize(candle.getVolume())
        .setClosedCandle(candle)
        .build();
  }
}
