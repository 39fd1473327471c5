package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Random;
import java.util.function.DoubleSupplier;

/** Candle streams with known return distributions, from a fixed seed so every run is the same. */
final class SyntheticCandles {

  static final int INTERVAL_SEC = 60;
  /** Start far from zero in price units so rounding to whole units is negligible (1e-10 relative). */
  private static final double START_PRICE_UNITS = 1e10;

  private final String symbol;
  private double logPrice = Math.log(START_PRICE_UNITS);
  private long index;

  SyntheticCandles(String symbol) {
    this.symbol = symbol;
  }

  static DoubleSupplier normal(Random random, double mean, double sd) {
    return () -> mean + sd * random.nextGaussian();
  }

  /** Student-t with 3 degrees of freedom scaled to standard deviation {@code sd}: fat tails. */
  static DoubleSupplier studentT3(Random random, double sd) {
    return () -> {
      double chi2 = 0;
      for (int i = 0; i < 3; i++) {
        double g = random.nextGaussian();
        chi2 += g * g;
      }
      return sd * random.nextGaussian() / Math.sqrt(chi2 / 3) / Math.sqrt(3);
    };
  }

  /** The request carrying the next closed candle, whose log return from the previous is {@code r}. */
  AnalyzeRequest next(double r) {
    logPrice += r;
    long close = Math.round(Math.exp(logPrice));
    long openTimeUs = 1_385_337_600_000_000L + index * INTERVAL_SEC * 1_000_000L;
    index++;
    Candle candle = Candle.newBuilder().setInstrument(Instruments.BITSTAMP_BTC_USD).setIntervalSec(INTERVAL_SEC)
        .setOpenTimeUs(openTimeUs).setOpen(close).setHigh(close).setLow(close).setClose(close).build();
    return tick().toBuilder().setFeatures(tick().getFeatures().toBuilder().setClosedCandle(candle)).build();
  }

  /** A request between candles: no candle closed. */
  AnalyzeRequest tick() {
    return AnalyzeRequest.newBuilder().setFeatures(FeatureVector.newBuilder()
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol))
        .setPrice(Math.exp(logPrice) / 1e6)).build();
  }
}
