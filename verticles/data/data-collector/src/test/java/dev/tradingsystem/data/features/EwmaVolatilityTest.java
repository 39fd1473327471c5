package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EwmaVolatilityTest {

  @Test
  void isZeroUntilThereIsAReturn() {
    EwmaVolatility vol = new EwmaVolatility(0.94);
    vol.update(800);
    assertThat(vol.value()).isZero();
  }

  @Test
  void handComputedRiskMetricsRecursion() {
    EwmaVolatility vol = new EwmaVolatility(0.9);
    vol.update(100);
    vol.update(110);
    double r1 = Math.log(1.1);
    assertThat(vol.value()).isCloseTo(Math.sqrt(0.1 * r1 * r1), within(1e-15));
    vol.update(99);
    double r2 = Math.log(99.0 / 110.0);
    assertThat(vol.value()).isCloseTo(Math.sqrt(0.9 * 0.1 * r1 * r1 + 0.1 * r2 * r2), within(1e-15));
  }

  @Test
  void constantRelativeMovesConvergeToTheirSize() {
    EwmaVolatility vol = new EwmaVolatility(0.94);
    double price = 800;
    for (int i = 0; i < 2_000; i++) {
      price *= i % 2 == 0 ? 1.001 : 1 / 1.001;
      vol.update(price);
    }
    assertThat(vol.value()).isCloseTo(Math.log(1.001), within(1e-9));
  }
}
