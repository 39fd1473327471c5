package dev.tradingsystem.frameworks.hummingbot.quoting.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeIntensityEstimatorTest {

  private static final long SECOND = 1_000_000L;

  /**
   * Market orders arrive as a Poisson process of rate A and each reaches a distance drawn from an
   * exponential distribution of rate κ: then trades reach δ or beyond at rate A·e^{−κδ}, the
   * model's λ(δ). The fit recovers both.
   */
  @ParameterizedTest(name = "A {0}/s, κ {1} -> estimated within {2} / {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      arrivals per s | kappa per price unit | kappa tolerance | alpha tolerance
      2              | 4                    | 0.05            | 0.10
      10             | 0.5                  | 0.05            | 0.10
      0.5            | 20                   | 0.05            | 0.10
      """)
  void recoversAKnownIntensityCurve(double alpha, double kappa, double kappaTolerance, double alphaTolerance) {
    TradeIntensityEstimator estimator = new TradeIntensityEstimator(1e7, 10, 20);
    Random random = new Random(11);
    long time = 0;
    for (int i = 0; i < 20_000; i++) {
      time += Math.round(-Math.log(1 - random.nextDouble()) / alpha * SECOND);
      double distance = -Math.log(1 - random.nextDouble()) / kappa;
      double mid = 1_000;
      estimator.onTrade(time, random.nextBoolean() ? mid + distance : mid - distance, mid);
    }

    TradeIntensityEstimator.Estimate estimate = estimator.estimate().orElseThrow();

    assertThat(estimate.kappa()).isCloseTo(kappa, within(kappa * kappaTolerance));
    assertThat(estimate.alpha()).isCloseTo(alpha, within(alpha * alphaTolerance));
    assertThat(estimate.trades()).isEqualTo(20_000);
    assertThat(estimate.levels()).isBetween(3, 10);
  }

  @Test
  void tradesAllAtOneDistanceSayNothingAboutDepth() {
    TradeIntensityEstimator estimator = new TradeIntensityEstimator(60, 10, 5);
    for (int i = 0; i < 500; i++) {
      estimator.onTrade(i * SECOND / 10, 100.005, 100.0);
    }

    assertThat(estimator.estimate()).isEmpty();
  }

  @Test
  void tooFewTradesGiveNoEstimate() {
    TradeIntensityEstimator estimator = new TradeIntensityEstimator(60, 10, 20);
    for (int i = 0; i < 39; i++) {
      estimator.onTrade(i * SECOND, 100 + i * 0.01, 100.0);
    }

    assertThat(estimator.estimate()).isEmpty();
  }

  @Test
  void onlyTradesInsideTheWindowCount() {
    TradeIntensityEstimator estimator = new TradeIntensityEstimator(10, 3, 1);
    for (int i = 0; i <= 30; i++) {
      estimator.onTrade(i * SECOND, 101, 100);
    }
    estimator.onTrade(31 * SECOND, Double.NaN, 100);

    assertThat(estimator.trades()).as("t = 20 s .. 30 s").isEqualTo(11);
  }
}
