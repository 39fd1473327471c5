package dev.tradingsystem.coordinator.consensus;

import static dev.tradingsystem.coordinator.consensus.ConsensusBuilderTest.parseAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How one signal becomes an edge with a variance, and how shares and weights enter the fusion,
 * at edge scale S = 10 bps. Answers read as in {@link ConsensusBuilderTest}.
 */
class EdgeFusionTest {

  private static final EdgeFusion FUSION = new EdgeFusion(10);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                        | answer                                                    | edge bps | variance | precision | source
      long, confidence 0.8, strength 0.5: 5 bps     | x LONG 0.8 0.5                                            | 5        | 125      | 0.008     | DIRECTIONAL
      full-conviction short is a one-sigma edge     | x SHORT 1 1                                               | -10      | 100      | 0.01      | DIRECTIONAL
      flat: no edge, still informative              | x FLAT 0.5 0.7                                            | 0        | 200      | 0.005     | DIRECTIONAL
      confidence 0 carries no information           | x LONG 0 1                                                | 10       | Infinity | 0         | DIRECTIONAL
      NaN confidence reads as 0, strength clamps    | x LONG NaN 2                                              | 10       | Infinity | 0         | DIRECTIONAL
      out-of-range confidence and strength clamp    | x LONG 1.5 -1                                             | 0        | 100      | 0.01      | DIRECTIONAL
      forecast: median and sigma of the quantiles   | x FLAT 0.5 0 q=0.1:-0.00128155,0.5:0,0.9:0.00128155       | 0        | 100      | 0.01      | FORECAST
      forecast without a spread uses confidence     | x FLAT 0.5 0 q=0.5:0.0003                                 | 3        | 200      | 0.005     | FORECAST
      forecast overrides the stated direction       | x SHORT 1 1 q=0.25:0,0.75:0.001                           | 5        | 54.952733 | 0.018197 | FORECAST
      """)
  void estimates(String name, String answer, double edge, double variance, double precision,
                 SignalEstimate.Source source) {
    SignalEstimate estimate = FUSION.estimate(parseAnswers(answer).get(0));

    assertThat(estimate.edgeBps()).as("edge").isCloseTo(edge, within(1e-4));
    if (Double.isInfinite(variance)) {
      assertThat(estimate.varianceBps2()).as("variance").isInfinite();
    } else {
      assertThat(estimate.varianceBps2()).as("variance").isCloseTo(variance, within(1e-3));
    }
    assertThat(estimate.precision()).as("precision").isCloseTo(precision, within(1e-6));
    assertThat(estimate.source()).isEqualTo(source);
  }

  @Test
  void sharesArePrecisionTimesWeightOverTheTotal() {
    // p = 0.008 and 0.006: shares 4/7 and 3/7.
    FusedEdge fused = FUSION.fuse(parseAnswers("deepseek LONG 0.8 0.5; qwen LONG 0.6 1.0"), new StaticWeights(Map.of(), 1));

    assertThat(fused.contributions()).extracting(Contribution::agent).containsExactly("deepseek", "qwen");
    assertThat(fused.contributions().get(0).share()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(fused.contributions().get(1).share()).isCloseTo(3.0 / 7, within(1e-12));
    assertThat(fused.stdDevBps()).isCloseTo(Math.sqrt(3800.0 / 49), within(1e-9));
  }

  @Test
  void aLearnedWeightActsAsExtraPrecision() {
    // Equal and opposite calls; weight 3 on the long: p = 0.03 vs 0.01, edge = (0.3 - 0.1) / 0.04 = 5,
    // variance = 25 + (0.03 x 25 + 0.01 x 225) / 0.04 = 25 + 75 = 100.
    FusedEdge fused = FUSION.fuse(parseAnswers("deepseek LONG 1 1; qwen SHORT 1 1"),
        new StaticWeights(Map.of("deepseek", 3.0), 1));

    assertThat(fused.edgeBps()).isCloseTo(5, within(1e-9));
    assertThat(fused.varianceBps2()).isCloseTo(100, within(1e-9));
    assertThat(fused.score()).isCloseTo(0.5, within(1e-12));
    assertThat(fused.confidence()).isEqualTo(1);
  }

  @Test
  void scoreIsClampedAtFullConviction() {
    FusedEdge fused = FUSION.fuse(parseAnswers("lagllama FLAT 1 0 q=0.1:0.004,0.5:0.005,0.9:0.006"),
        new StaticWeights(Map.of(), 1));

    assertThat(fused.edgeBps()).isCloseTo(50, within(1e-9));
    assertThat(fused.score()).isEqualTo(1);
  }

  @Test
  void noAnswersOrNoInformationGiveAZeroEdge() {
    assertThat(FUSION.fuse(List.of(), new StaticWeights(Map.of(), 1)))
        .extracting(FusedEdge::edgeBps, FusedEdge::varianceBps2, FusedEdge::score).containsExactly(0.0, 0.0, 0.0);
    assertThat(FUSION.fuse(parseAnswers("deepseek LONG 0 1"), new StaticWeights(Map.of(), 1)).score()).isZero();
  }

  @Test
  void theEdgeScaleMustBePositive() {
    assertThatThrownBy(() -> new EdgeFusion(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
