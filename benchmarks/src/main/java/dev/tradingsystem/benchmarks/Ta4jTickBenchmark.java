package dev.tradingsystem.benchmarks;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;

/**
 * ta4j 0.17 doing the work of {@code FeatureTickBenchmark.indicatorsOnly}: each trade becomes a
 * bar appended to a series capped at {@value #MAX_BARS} bars, then each indicator is read at the
 * new end index (ta4j caches, so each value is computed once, incrementally). Same data, same
 * periods (12/26/9, 14, 20/2). Measured with both number types: DoubleNum is ta4j's fast path,
 * DecimalNum its default.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ta4jTickBenchmark {

  private static final int MAX_BARS = 1_000;

  @Param({"DoubleNum", "DecimalNum"})
  public String numType;

  private BundledTrades trades;
  private int next;
  private ZonedDateTime end;
  private BarSeries series;
  private SMAIndicator sma;
  private EMAIndicator emaFast;
  private EMAIndicator emaSlow;
  private RSIIndicator rsi;
  private MACDIndicator macd;
  private EMAIndicator signal;
  private BollingerBandsUpperIndicator upper;
  private BollingerBandsLowerIndicator lower;
  private ATRIndicator atr;

  @Setup
  public void setUp() {
    trades = BundledTrades.load();
    end = ZonedDateTime.of(2013, 11, 25, 0, 0, 0, 0, ZoneOffset.UTC);
    series = new BaseBarSeriesBuilder().withName("btcusd-ticks")
        .withNumTypeOf("DoubleNum".equals(numType) ? DoubleNum.class : DecimalNum.class)
        .withMaxBarCount(MAX_BARS)
        .build();
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    sma = new SMAIndicator(close, 20);
    emaFast = new EMAIndicator(close, 12);
    emaSlow = new EMAIndicator(close, 26);
    rsi = new RSIIndicator(close, 14);
    macd = new MACDIndicator(close, 12, 26);
    signal = macd.getSignalLine(9);
    BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
    StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
    upper = new BollingerBandsUpperIndicator(middle, deviation, series.numOf(2));
    lower = new BollingerBandsLowerIndicator(middle, deviation, series.numOf(2));
    atr = new ATRIndicator(series, 14);
  }

  @Benchmark
  public double ta4jIndicators() {
    int i = next;
    next = next + 1 == trades.count() ? 0 : next + 1;
    // Bars need strictly increasing end times; several trades share a second, so one tick = 1 ms.
    end = end.plusNanos(1_000_000);
    double p = trades.price[i] / 100.0;
    series.addBar(end, p, p, p, p, trades.size[i] / 1e8);
    int index = series.getEndIndex();
    return sma.getValue(index).doubleValue() + emaFast.getValue(index).doubleValue()
        + emaSlow.getValue(index).doubleValue() + rsi.getValue(index).doubleValue()
        + macd.getValue(index).doubleValue() + signal.getValue(index).doubleValue()
        + upper.getValue(index).doubleValue() + lower.getValue(index).doubleValue()
        + atr.getValue(index).doubleValue();
  }
}
