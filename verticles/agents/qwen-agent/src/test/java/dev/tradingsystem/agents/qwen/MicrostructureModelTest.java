package dev.tradingsystem.agents.qwen;

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

class MicrostructureModelTest {

  private static final double MID = 800;

  /** A feature vector; {@code driftBps} NaN means no book (microprice 0, book imbalance 0). */
  static AnalyzeRequest features(double flow, double book, double driftBps, double spreadBps, double tradeRate) {
    FeatureVector.Builder f = FeatureVector.newBuilder()
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setPrice(MID).setMid(MID).setSpreadBps(spreadBps).setTradeRate(tradeRate)
        .setTradeFlowImbalance(flow);
    if (!Double.isNaN(driftBps)) {
      f.setBookImbalance(book).setMicroprice(MID * (1 + driftBps / 10_000));
    }
    return AnalyzeRequest.newBuilder().setFeatures(f).build();
  }

  /**
   * Hand-computed with the default weights 0.6 / 0.25 / 0.15 and a 1 bp drift scale:
   * flow 0.6, book 0.5, drift +1 bp -> 0.36 + 0.125 + 0.15 * tanh(1) = 0.599.
   */
  @ParameterizedTest(name = "{0} -> {6}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      buyers lift, bids stack, microprice up |  0.6 |  0.5 |  1.0 |  2 | 0.599 | LONG  | 1.00
      sellers hit, asks stack, microprice dn | -0.6 | -0.5 | -1.0 |  2 | 0.599 | SHORT | 1.00
      trade flow only, strong buying         |  0.9 |  0   |  NaN |  2 | 0.540 | LONG  | 0.60
      trade flow only, moderate buying       |  0.7 |  0   |  NaN |  2 | 0.000 | FLAT  | 0.00
      flow against book and microprice       |  0.5 | -0.8 | -1.0 |  2 | 0.000 | FLAT  | 0.00
      strong book but spread blown out       |  0.6 |  0.5 |  1.0 | 80 | 0.599 | LONG  | 0.50
      """)
  void microstructureTable(String scenario, double flow, double book, double driftBps, double spreadBps,
      double strength, Direction direction, double confidence) {
    MicrostructureModel model = new MicrostructureModel(MicrostructureConfig.defaults());
    AgentOpinion opinion = model.analyze(features(flow, book, driftBps, spreadBps, 1.0));
    assertThat(opinion.direction()).isEqualTo(direction);
    assertThat(opinion.strength()).isCloseTo(strength, within(1e-3));
    if (direction != Direction.FLAT) {
      assertThat(opinion.confidence()).isCloseTo(confidence, within(1e-9));
    }
    assertThat(opinion.horizonSec()).isEqualTo(MicrostructureConfig.DEFAULT_HORIZON_SEC);
  }

  @Test
  void aSpreadFarAboveItsBaselineHalvesConfidence() {
    MicrostructureModel model = new MicrostructureModel(MicrostructureConfig.defaults());
    AgentOpinion normal = null;
    for (int i = 0; i < 10; i++) {
      normal = model.analyze(features(0.6, 0.5, 1.0, 2, 1.0));
    }
    AgentOpinion wide = model.analyze(features(0.6, 0.5, 1.0, 6, 1.0));
    assertThat(normal.confidence()).isCloseTo(1.0, within(1e-9));
    assertThat(wide.direction()).isEqualTo(Direction.LONG);
    assertThat(wide.confidence()).isCloseTo(0.5, within(1e-9));
    assertThat(wide.rationale()).contains("(wide)");
  }

  @Test
  void aQuietMarketWeakensTheSameImbalance() {
    MicrostructureModel model = new MicrostructureModel(MicrostructureConfig.defaults());
    for (int i = 0; i < 10; i++) {
      assertThat(model.analyze(features(0.9, 0, Double.NaN, 2, 2.0)).direction()).isEqualTo(Direction.LONG);
    }
    // A quarter of the usual trade rate: intensity 0.5 + 0.5 * 0.25 = 0.625, score 0.54 * 0.625.
    AgentOpinion quiet = model.analyze(features(0.9, 0, Double.NaN, 2, 0.5));
    assertThat(quiet.direction()).isEqualTo(Direction.FLAT);
    assertThat(quiet.rationale()).contains("activity=0.25").contains("score=0.338");
  }

  @Test
  void baselinesArePerSymbol() {
    MicrostructureModel model = new MicrostructureModel(MicrostructureConfig.defaults());
    for (int i = 0; i < 10; i++) {
      model.analyze(features(0.6, 0.5, 1.0, 2, 1.0));
    }
    AnalyzeRequest eth = features(0.6, 0.5, 1.0, 6, 1.0);
    eth = eth.toBuilder().setFeatures(eth.getFeatures().toBuilder()
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol("ETH/USD"))).build();
    // ETH has no history: its first spread is its baseline, so 6 bps is normal there.
    assertThat(model.analyze(eth).confidence()).isCloseTo(1.0, within(1e-9));
  }
}
