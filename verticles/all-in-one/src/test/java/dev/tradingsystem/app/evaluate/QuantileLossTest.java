package dev.tradingsystem.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.shared.math.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantileLossTest {

  @ParameterizedTest(name = "level {0}, quantile {1}, realised {2}: pinball {3}")
  @CsvSource({
      "0.9, 1.0, 3.0, 1.8",   // under-forecast: 0.9 * 2
      "0.9, 1.0, 0.0, 0.1",   // over-forecast: 0.1 * 1
      "0.1, 1.0, 0.0, 0.9",
      "0.5, 2.0, 1.0, 0.5",   // the median's loss is half the absolute error
      "0.5, 2.0, 2.0, 0.0"})
  void pinballLoss(double level, double quantile, double realised, double expected) {
    assertThat(QuantileLoss.pinball(level, quantile, realised)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void crpsOfThreeQuantilesIsTwiceTheirMeanPinballLoss() {
    double[] levels = {0.1, 0.5, 0.9};
    double[] quantiles = {-1, 0, 1};
    // y = 2: 0.1 * 3 + 0.5 * 2 + 0.9 * 1 = 2.2, mean 0.7333, times 2.
    assertThat(QuantileLoss.crps(levels, quantiles, 2)).isCloseTo(2 * 2.2 / 3, within(1e-12));
    // y = 0: 0.1 * 1 + 0 + 0.1 * 1 = 0.2.
    assertThat(QuantileLoss.crps(levels, quantiles, 0)).isCloseTo(2 * 0.2 / 3, within(1e-12));
  }

  /** CRPS of N(0, 1) at y: y (2 Phi(y) - 1) + 2 phi(y) - 1 / sqrt(pi) (Gneiting and Raftery 2007). */
  private static double gaussianCrps(double y) {
    return y * (2 * NormalDistribution.cdf(y) - 1) + 2 * NormalDistribution.density(y) - 1 / Math.sqrt(Math.PI);
  }

  @ParameterizedTest(name = "N(0,1) at {0}: CRPS {1}")
  @CsvSource({"0.0, 0.233695", "1.5, 0.994424", "-0.7, 0.421569"})
  void manyQuantilesConvergeToTheClosedFormGaussianCrps(double y, double closedForm) {
    assertThat(gaussianCrps(y)).isCloseTo(closedForm, within(2e-6));
    int k = 2_000;
    double[] levels = new double[k];
    double[] quantiles = new double[k];
    for (int i = 0; i < k; i++) {
      levels[i] = (i + 0.5) / k;
      quantiles[i] = NormalDistribution.quantile(levels[i]);
    }
    assertThat(QuantileLoss.crps(levels, quantiles, y)).isCloseTo(closedForm, within(1e-3));
  }

  @Test
  void coverageIsTheClosedInterval() {
    assertThat(QuantileLoss.covers(-1, 1, 1)).isTrue();
    assertThat(QuantileLoss.covers(-1, 1, -1)).isTrue();
    assertThat(QuantileLoss.covers(-1, 1, 1.0000001)).isFalse();
  }

  @Test
  void refusesMismatchedLevels() {
    assertThatThrownBy(() -> QuantileLoss.crps(new double[] {0.5}, new double[] {0, 1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void empiricalQuantilesInterpolateBetweenOrderStatistics() {
    double[] q = EmpiricalQuantiles.of(new double[] {9, 4, 1, 3, 2}, 1, 5, 0.1, 0.5, 1.0);
    // sample [4, 1, 3, 2] sorted [1, 2, 3, 4]: position 0.3 -> 1.3, 1.5 -> 2.5, 3 -> 4.
    assertThat(q).containsExactly(new double[] {1.3, 2.5, 4.0}, within(1e-12));
  }
}
