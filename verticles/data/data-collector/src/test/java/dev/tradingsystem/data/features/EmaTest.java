package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmaTest {

  @Test
  void seedsWithTheFirstValueThenSmoothsByTwoOverPeriodPlusOne() {
    Ema ema = new Ema(3); // alpha = 0.5
    ema.update(10);
    assertThat(ema.value()).isEqualTo(10.0);
    ema.update(12);
    assertThat(ema.value()).isEqualTo(11.0);
    ema.update(14);
    assertThat(ema.value()).isEqualTo(12.5);
    ema.update(8.5);
    assertThat(ema.value()).isEqualTo(10.5);
  }

  @Test
  void matchesTheWeightedSumOfAllObservations() {
    int period = 12;
    double alpha = 2.0 / (period + 1);
    double[] prices = new Random(7).doubles(200, 790, 810).toArray();
    Ema ema = new Ema(period);
    for (double p : prices) {
      ema.update(p);
    }
    // Closed form: seed weight (1-a)^(n-1), observation i weight a(1-a)^(n-1-i).
    int n = prices.length;
    double expected = prices[0] * Math.pow(1 - alpha, n - 1);
    for (int i = 1; i < n; i++) {
      expected += alpha * Math.pow(1 - alpha, n - 1 - i) * prices[i];
    }
    assertThat(ema.value()).isCloseTo(expected, within(1e-9));
  }
}
