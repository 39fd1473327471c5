package dev.tradingsystem.benchmarks;

import dev.tradingsystem.data.features.AverageTrueRange;
import dev.tradingsystem.data.features.BollingerBands;
import dev.tradingsystem.data.features.Ema;
import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.features.FeatureEngine;
import dev.tradingsystem.data.features.Macd;
import dev.tradingsystem.data.features.Sma;
import dev.tradingsystem.data.features.WilderRsi;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one trade (tick) through our features, on the bundled Bitstamp trades in order.
 * {@code indicatorsOnly} updates exactly the set {@link Ta4jTickBenchmark} asks of ta4j (SMA,
 * EMA fast/slow, RSI, MACD + signal, Bollinger upper/lower, ATR), the like-for-like comparison;
 * {@code featureEngine} is everything a tick costs in the data-collector: all tick features,
 * the default 60 s candles and the FeatureVector message built for publishing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeatureTickBenchmark {

  private BundledTrades trades;
  private int next;
  private long lapOffsetUs;
  private FeatureEngine engine;
  private Meta meta;
  private Sma sma;
  private Ema emaFast;
  private Ema emaSlow;
  private WilderRsi rsi;
  private Macd macd;
  private BollingerBands bollinger;
  private AverageTrueRange atr;

  @Setup
  public void setUp() {
    trades = BundledTrades.load();
    FeatureConfig config = FeatureConfig.defaults();
    engine = new FeatureEngine(config, Instruments.BITSTAMP_BTC_USD);
    meta = Meta.newBuilder().setId("md-1").setSeq(1).setTraceId("t-1").build();
    sma = new Sma(config.smaPeriod());
    emaFast = new Ema(config.emaFast());
    emaSlow = new Ema(config.emaSlow());
    rsi = new WilderRsi(config.rsiPeriod());
    macd = new Macd(config.emaFast(), config.emaSlow(), config.macdSignal());
    bollinger = new BollingerBands(config.bollingerPeriod(), config.bollingerK());
    atr = new AverageTrueRange(config.atrPeriod());
  }

  @Benchmark
  public FeatureVector featureEngine() {
    int i = advance();
    return engine.onTrade(meta, trades.timeUs[i] + lapOffsetUs, trades.price[i], trades.size[i], Side.SIDE_UNSPECIFIED);
  }

  @Benchmark
  public double indicatorsOnly() {
    int i = advance();
    double p = trades.price[i] / 100.0;
    sma.update(p);
    emaFast.update(p);
    emaSlow.update(p);
    rsi.update(p);
    macd.update(p);
    bollinger.update(p);
    atr.update(p, p, p);
    return sma.value() + emaFast.value() + emaSlow.value() + rsi.value() + macd.line() + macd.signal()
        + bollinger.upper() + bollinger.lower() + atr.value();
  }

  private int advance() {
    int i = next;
    if (++next == trades.count()) {
      next = 0;
      lapOffsetUs += trades.spanUs;
    }
    return i;
  }
}
