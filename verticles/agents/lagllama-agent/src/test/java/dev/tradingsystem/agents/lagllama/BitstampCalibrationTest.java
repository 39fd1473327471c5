package dev.tradingsystem.agents.lagllama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forecaster on real data: one-minute closes of the bundled Bitstamp BTC/USD trades
 * (100,000 trades, 2013-11-25 to 2013-12-01). Real returns are fat-tailed and clustered, so this
 * checks that the GARCH variance and empirical residual quantiles keep the 80% interval honest
 * outside the textbook case.
 */
class BitstampCalibrationTest {

  private static final Logger LOG = LoggerFactory.getLogger(BitstampCalibrationTest.class);

  @Test
  void oneMinuteForecastsCoverAboutEightyPercentOfRealReturns() throws Exception {
    Path file = SharedDataLocator.require("data/trades/bitstamp_trades_from_20131125_usd.csv");
    List<long[]> candles = minuteCloses(Files.readAllLines(file));
    ForecastConfig d = ForecastConfig.defaults();
    ForecastModel model = new ForecastModel(new ForecastConfig(1, d.warmupCandles(), d.minResiduals(),
        d.residualWindow(), d.meanAlpha(), d.garchAlpha(), d.garchBeta(), d.longRunSpan(), d.directionThreshold()));
    List<AgentOpinion> opinions = new ArrayList<>();
    for (long[] candle : candles) {
      opinions.add(model.analyze(request(candle[0], candle[1])));
    }
    int inside = 0;
    int counted = 0;
    int directional = 0;
    for (int t = 0; t + 1 < candles.size(); t++) {
      AgentOpinion opinion = opinions.get(t);
      if (opinion.quantiles().isEmpty()) {
        continue;
      }
      double realised = Math.log((double) candles.get(t + 1)[1] / candles.get(t)[1]);
      counted++;
      inside += realised >= opinion.quantiles().get(0).getValue() && realised <= opinion.quantiles().get(2).getValue() ? 1 : 0;
      directional += opinion.direction() != Direction.FLAT ? 1 : 0;
    }
    double coverage = inside / (double) counted;
    LOG.info("Bitstamp 1-minute candles: {} forecasts, 10-90% coverage {}, directional share {}",
        counted, String.format("%.4f", coverage), String.format("%.4f", directional / (double) counted));
    assertThat(counted).isGreaterThan(5_000);
    assertThat(coverage).isBetween(0.75, 0.85);
  }

  /** {@code [openTimeUs, close in cents]} of each minute that had trades. */
  static List<long[]> minuteCloses(List<String> lines) {
    List<long[]> candles = new ArrayList<>();
    long minute = Long.MIN_VALUE;
    long close = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      long bucket = Long.parseLong(fields[0].trim()) / 60;
      long price = FixedPoint.parseUnits(fields[1].trim(), Instruments.BITSTAMP_BTC_USD.getPriceScale());
      if (bucket != minute && minute != Long.MIN_VALUE) {
        candles.add(new long[] {minute * 60_000_000L, close});
      }
      minute = bucket;
      close = price;
    }
    candles.add(new long[] {minute * 60_000_000L, close});
    return candles;
  }

  static AnalyzeRequest request(long openTimeUs, long close) {
    Candle candle = Candle.newBuilder().setInstrument(Instruments.BITSTAMP_BTC_USD).setIntervalSec(60)
        .setOpenTimeUs(openTimeUs).setOpen(close).setHigh(close).setLow(close).setClose(close).build();
    return AnalyzeRequest.newBuilder().setFeatures(FeatureVector.newBuilder()
        .setInstrument(Instruments.BITSTAMP_BTC_USD).setPrice(close / 100.0).setClosedCandle(candle)).build();
  }
}
