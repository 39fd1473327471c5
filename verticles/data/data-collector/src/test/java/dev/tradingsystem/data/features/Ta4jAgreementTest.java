package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CachedIndicator;
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
import org.ta4j.core.num.Num;

/**
 * Every candle indicator against ta4j 0.17 on the same real bars, to 1e-9 after warm-up. ta4j
 * runs on {@link DecimalNum} (32 significant digits), so the gap is our double arithmetic's error.
 *
 * <p>Definitions are ta4j's except where stated: SMA, EMA (seeded with the first value), MACD and
 * its signal/histogram, Bollinger (population deviation) and ATR (Wilder smoothing seeded with
 * the first bar's high - low) agree from the first bar. RSI differs only in its seed: ours averages
 * the first {@code period} changes plainly (Wilder's book), ta4j starts its averages at 0 on bar 0;
 * both then smooth by {@code 1/period}, so the seed's trace shrinks by 13/14 per bar and is
 * below 1e-12 after 400 bars. Realised volatility is the population deviation of log returns;
 * ta4j has no such indicator, so it is composed from its {@link StandardDeviationIndicator} over
 * log returns, whose first window differs by ta4j's zero return on bar 0.
 */
class Ta4jAgreementTest {

  private static final double TOLERANCE = 1e-9;
  private static final FeatureConfig CONFIG = FeatureConfig.defaults();

  /** The real bar sets: candles built by our aggregator from Bitstamp trades, and a shared bar file. */
  enum Dataset {
    BITSTAMP_1M_FLAT(60, GapFill.FLAT),
    BITSTAMP_1M_NO_FILL(60, GapFill.NONE),
    BITSTAMP_5M_FLAT(300, GapFill.FLAT),
    BTC_PERP_1M_FILE(60, GapFill.NONE);

    final int seconds;
    final GapFill gapFill;

    Dataset(int seconds, GapFill gapFill) {
      this.seconds = seconds;
      this.gapFill = gapFill;
    }
  }

  enum Reference {
    SMA(0, TimeframeFeatures::sma, s -> new SMAIndicator(close(s), CONFIG.smaPeriod())),
    EMA_FAST(0, TimeframeFeatures::emaFast, s -> new EMAIndicator(close(s), CONFIG.emaFast())),
    EMA_SLOW(0, TimeframeFeatures::emaSlow, s -> new EMAIndicator(close(s), CONFIG.emaSlow())),
    RSI(400, TimeframeFeatures::rsi, s -> new RSIIndicator(close(s), CONFIG.rsiPeriod())),
    MACD(0, TimeframeFeatures::macd, s -> macd(s)),
    MACD_SIGNAL(0, TimeframeFeatures::macdSignal, s -> macd(s).getSignalLine(CONFIG.macdSignal())),
    MACD_HISTOGRAM(0, TimeframeFeatures::macdHistogram, s -> macd(s).getHistogram(CONFIG.macdSignal())),
    BOLLINGER_MIDDLE(0, TimeframeFeatures::bollingerMiddle, s -> middle(s)),
    BOLLINGER_UPPER(0, TimeframeFeatures::bollingerUpper,
        s -> new BollingerBandsUpperIndicator(middle(s), deviation(s), s.numOf(CONFIG.bollingerK()))),
    BOLLINGER_LOWER(0, TimeframeFeatures::bollingerLower,
        s -> new BollingerBandsLowerIndicator(middle(s), deviation(s), s.numOf(CONFIG.bollingerK()))),
    ATR(0, TimeframeFeatures::atr, s -> new ATRIndicator(s, CONFIG.atrPeriod())),
    REALIZED_VOLATILITY(CONFIG.realizedVolWindow() + 1, TimeframeFeatures::realizedVolatility,
        s -> new StandardDeviationIndicator(new LogReturn(close(s)), CONFIG.realizedVolWindow()));

    final int warmUp;
    final ToDoubleFunction<TimeframeFeatures> ours;
    final Function<BarSeries, Indicator<Num>> theirs;

    Reference(int warmUp, ToDoubleFunction<TimeframeFeatures> ours, Function<BarSeries, Indicator<Num>> theirs) {
      this.warmUp = warmUp;
      this.ours = ours;
      this.theirs = theirs;
    }
  }

  /** The same bars twice: as a ta4j series and as our indicator values after each bar. */
  private record Run(BarSeries series, double[][] ours) {
  }

  private static final Map<Dataset, Run> RUNS = new EnumMap<>(Dataset.class);

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Dataset dataset : Dataset.values()) {
      for (Reference reference : Reference.values()) {
        cases.add(Arguments.of(dataset, reference));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("cases")
  void agreesWithTa4jAfterWarmUp(Dataset dataset, Reference reference) {
    Run run = run(dataset);
    Indicator<Num> theirs = reference.theirs.apply(run.series());
    double[] ours = run.ours()[reference.ordinal()];
    assertThat(ours.length).as("bars").isGreaterThan(reference.warmUp + 1_000);

    double worst = 0;
    int worstBar = -1;
    for (int bar = reference.warmUp; bar < ours.length; bar++) {
      double gap = Math.abs(ours[bar] - theirs.getValue(bar).doubleValue());
      if (!(gap <= worst)) {
        worst = gap;
        worstBar = bar;
      }
    }
    assertThat(worst).as("largest |ours - ta4j| (at bar %d of %d)", worstBar, ours.length).isLessThanOrEqualTo(TOLERANCE);
  }

  private static synchronized Run run(Dataset dataset) {
    return RUNS.computeIfAbsent(dataset, Ta4jAgreementTest::build);
  }

  private static Run build(Dataset dataset) {
    FeatureConfig config = CONFIG.withTimeframes(List.of(dataset.seconds), dataset.gapFill);
    List<CandleAggregator.Bar> bars = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    double divisor;
    TimeframeFeatures timeframe;
    if (dataset == Dataset.BTC_PERP_1M_FILE) {
      divisor = 100;
      timeframe = new TimeframeFeatures(dataset.seconds, config, divisor);
      for (CandleAggregator.Bar bar : RealBars.btcPerpMinuteBars(3_000)) {
        timeframe.fold(bar);
        bars.add(bar);
        values.add(snapshot(timeframe));
      }
    } else {
      divisor = 100;
      timeframe = new TimeframeFeatures(dataset.seconds, config, divisor);
      TimeframeFeatures.Listener capture = (tf, bar, filled) -> {
        bars.add(bar);
        values.add(snapshot(tf));
      };
      for (RealBars.Trade trade : RealBars.bitstampTrades()) {
        timeframe.onTrade(trade.eventTimeUs(), trade.price(), trade.size(), capture);
      }
    }
    BarSeries series = new BaseBarSeriesBuilder().withName(dataset.name()).withNumTypeOf(DecimalNum.class).build();
    Duration period = Duration.ofSeconds(dataset.seconds);
    for (CandleAggregator.Bar bar : bars) {
      ZonedDateTime end = Instant.ofEpochSecond(bar.openTimeUs() / 1_000_000L).atZone(ZoneOffset.UTC).plus(period);
      series.addBar(period, end, bar.open() / divisor, bar.high() / divisor, bar.low() / divisor,
          bar.close() / divisor, bar.volume());
    }
    double[][] ours = new double[Reference.values().length][bars.size()];
    for (int i = 0; i < bars.size(); i++) {
      for (int r = 0; r < ours.length; r++) {
        ours[r][i] = values.get(i)[r];
      }
    }
    return new Run(series, ours);
  }

  private static double[] snapshot(TimeframeFeatures timeframe) {
    Reference[] references = Reference.values();
    double[] row = new double[references.length];
    for (int r = 0; r < references.length; r++) {
      row[r] = references[r].ours.applyAsDouble(timeframe);
    }
    return row;
  }

  private static ClosePriceIndicator close(BarSeries series) {
    return new ClosePriceIndicator(series);
  }

  private static MACDIndicator macd(BarSeries series) {
    return new MACDIndicator(close(series), CONFIG.emaFast(), CONFIG.emaSlow());
  }

  private static BollingerBandsMiddleIndicator middle(BarSeries series) {
    return new BollingerBandsMiddleIndicator(new SMAIndicator(close(series), CONFIG.bollingerPeriod()));
  }

  private static StandardDeviationIndicator deviation(BarSeries series) {
    return new StandardDeviationIndicator(close(series), CONFIG.bollingerPeriod());
  }

  /** ln(close / previous close), 0 on the first bar: the input of ta4j's deviation for realised volatility. */
  private static final class LogReturn extends CachedIndicator<Num> {

    private final Indicator<Num> close;

    LogReturn(Indicator<Num> close) {
      super(close);
      this.close = close;
    }

    @Override
    protected Num calculate(int index) {
      if (index == 0) {
        return zero();
      }
      return numOf(Math.log(close.getValue(index).doubleValue() / close.getValue(index - 1).doubleValue()));
    }

    @Override
    public int getUnstableBars() {
      return 1;
    }
  }
}
