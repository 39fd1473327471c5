package dev.tradingsystem.agents.deepseek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.Instruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MomentumModelTest {

  static AnalyzeRequest features(String symbol, double rShort, double rMedium, double rLong, double vol,
      double emaFast, double emaSlow, double rsi) {
    return AnalyzeRequest.newBuilder().setFeatures(FeatureVector.newBuilder()
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol))
        .setPrice(800).setReturnShort(rShort).setReturnMedium(rMedium).setReturnLong(rLong)
        .setVolatility(vol).setEmaFast(emaFast).setEmaSlow(emaSlow).setRsi(rsi)).build();
  }

  /**
   * Hand-computed with vol 0.0005 per tick and horizons 5/20/100: returns 0.002/0.004/0.010 are
   * z = 1.79/1.79/2.00, a 1-point EMA gap at 800 is z = 0.94; score = 0.75 * 0.723 + 0.25 * 0.440.
   */
  @ParameterizedTest(name = "{0} -> {8} ({9})")
  @CsvSource(delimiter = '|', textBlock = """
      strong uptrend                    |  0.002 |  0.004 | 0.010 | 801 | 800 | 60 | 0.652 | LONG  | trend
      strong downtrend                  | -0.002 | -0.004 | -0.010 | 800 | 801 | 40 | 0.652 | SHORT | trend
      uptrend into RSI 95 is damped     |  0.002 |  0.004 | 0.010 | 801 | 800 | 95 | 0.000 | FLAT  | trend
      downtrend at RSI 20 damped by 1/3 | -0.002 | -0.004 | -0.010 | 800 | 801 | 20 | 0.435 | SHORT | trend
      dip against the long drift        | -0.002 | -0.004 | 0.010 | 800 | 800 | 45 | 0.000 | FLAT  | mean_reversion
      short pop against the trend       |  0.002 | -0.004 | -0.010 | 800 | 800 | 55 | 0.000 | FLAT  | mean_reversion
      noise                             | 0.00001 | 0.00001 | 0.00001 | 800 | 800 | 50 | 0.000 | FLAT | trend
      """)
  void momentumTable(String scenario, double rShort, double rMedium, double rLong, double emaFast, double emaSlow,
      double rsi, double strength, Direction direction, String regime) {
    MomentumModel model = new MomentumModel(MomentumConfig.defaults());
    AgentOpinion opinion = model.analyze(features("BTC/USD", rShort, rMedium, rLong, 0.0005, emaFast, emaSlow, rsi));
    assertThat(opinion.direction()).isEqualTo(direction);
    assertThat(opinion.strength()).isCloseTo(strength, within(1e-3));
    assertThat(opinion.rationale()).startsWith("regime=" + regime);
    assertThat(opinion.horizonSec()).isEqualTo(MomentumConfig.DEFAULT_HORIZON_SEC);
    assertThat(opinion.confidence()).isBetween(0.0, 1.0);
  }

  /** The strong uptrend of the table at price 800 against bands 790..upper, RSI 95. */
  @ParameterizedTest(name = "upper band {0} -> {1} ({2})")
  @CsvSource(delimiter = '|', textBlock = """
      799.0 | LONG | breakout
      801.0 | FLAT | trend
      0.0   | FLAT | trend
      """)
  void aBreakoutBeyondTheBandIsNotDampedByRsi(double upper, Direction direction, String regime) {
    AnalyzeRequest request = features("BTC/USD", 0.002, 0.004, 0.010, 0.0005, 801, 800, 95);
    request = request.toBuilder().setFeatures(request.getFeatures().toBuilder()
        .setBollingerUpper(upper).setBollingerLower(upper == 0 ? 0 : 790)).build();
    AgentOpinion opinion = new MomentumModel(MomentumConfig.defaults()).analyze(request);
    assertThat(opinion.direction()).isEqualTo(direction);
    assertThat(opinion.rationale()).startsWith("regime=" + regime);
    if (direction == Direction.LONG) {
      assertThat(opinion.strength()).as("the undamped trend score").isCloseTo(0.652, within(1e-3));
    }
  }

  @Test
  void aDowntrendBreaksOutBelowTheLowerBand() {
    AnalyzeRequest request = features("BTC/USD", -0.002, -0.004, -0.010, 0.0005, 800, 801, 5);
    request = request.toBuilder().setFeatures(request.getFeatures().toBuilder()
        .setBollingerUpper(810).setBollingerLower(801)).build();
    AgentOpinion opinion = new MomentumModel(MomentumConfig.defaults()).analyze(request);
    assertThat(opinion.direction()).isEqualTo(Direction.SHORT);
    assertThat(opinion.rationale()).startsWith("regime=breakout");
  }

  @Test
  void confidenceGrowsWhileTheCallPersistsPerSymbol() {
    MomentumModel model = new MomentumModel(MomentumConfig.defaults());
    AnalyzeRequest up = features("BTC/USD", 0.002, 0.004, 0.010, 0.0005, 801, 800, 60);
    // First call: agreement 1, persistence 0.2, |z_long|/2 = 1 -> 0.5 + 0.06 + 0.2.
    assertThat(model.analyze(up).confidence()).isCloseTo(0.76, within(1e-9));
    assertThat(model.analyze(up).confidence()).isCloseTo(0.5 + 0.3 * 0.36 + 0.2, within(1e-9));
    // Another symbol has its own history.
    assertThat(model.analyze(features("ETH/USD", 0.002, 0.004, 0.010, 0.0005, 801, 800, 60)).confidence())
        .isCloseTo(0.76, within(1e-9));
  }

  @Test
  void aFlipResetsTheEarnedConfidence() {
    MomentumModel model = new MomentumModel(MomentumConfig.defaults());
    for (int i = 0; i < 10; i++) {
      model.analyze(features("BTC/USD", 0.002, 0.004, 0.010, 0.0005, 801, 800, 60));
    }
    AgentOpinion flipped = model.analyze(features("BTC/USD", -0.002, -0.004, -0.010, 0.0005, 800, 801, 40));
    assertThat(flipped.direction()).isEqualTo(Direction.SHORT);
    // The sign EWMA is still positive, so the new SHORT earns no persistence.
    assertThat(flipped.confidence()).isCloseTo(0.7, within(1e-9));
  }

  @Test
  void withoutVolatilityThereIsNoView() {
    AgentOpinion opinion = new MomentumModel(MomentumConfig.defaults())
        .analyze(features("BTC/USD", 0.002, 0.004, 0.010, 0, 801, 800, 60));
    assertThat(opinion.direction()).isEqualTo(Direction.FLAT);
    assertThat(opinion.confidence()).isZero();
  }

  @Test
  void aHigherThresholdWaitsForStrongerEvidence() {
    MomentumConfig strict = new MomentumConfig(0.7, 5, 20, 100, 60, 70, 30);
    AgentOpinion opinion = new MomentumModel(strict)
        .analyze(features("BTC/USD", 0.002, 0.004, 0.010, 0.0005, 801, 800, 60));
    assertThat(opinion.direction()).isEqualTo(Direction.FLAT);
  }
}
