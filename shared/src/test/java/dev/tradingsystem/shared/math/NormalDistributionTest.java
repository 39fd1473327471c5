package dev.tradingsystem.shared.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalDistributionTest {

  @ParameterizedTest(name = "quantile({0}) = {1}")
  @CsvSource({"0.5, 0.0", "0.9, 1.2815515655446004", "0.975, 1.959963984540054", "0.1, -1.2815515655446004",
      "0.01, -2.3263478740408408", "0.999, 3.090232306167813"})
  void normalQuantiles(double p, double z) {
    assertThat(NormalDistribution.quantile(p)).isCloseTo(z, within(1e-8));
    assertThat(NormalDistribution.cdf(z)).isCloseTo(p, within(2e-7));
  }

  @Test
  void normalDensity() {
    assertThat(NormalDistribution.density(0)).isCloseTo(0.3989422804, within(1e-10));
    assertThat(NormalDistribution.density(1)).isCloseTo(0.2419707245, within(1e-10));
  }

  @Test
  void quantilesOutsideTheOpenUnitIntervalAreRefused() {
    assertThatThrownBy(() -> NormalDistribution.quantile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NormalDistribution.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
