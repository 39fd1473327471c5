package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WilderRsiTest {

  @Test
  void handComputedWithPeriodTwo() {
    WilderRsi rsi = new WilderRsi(2);
    rsi.update(10);
    assertThat(rsi.value()).isEqualTo(50.0);
    rsi.update(12); // gains [2] -> avgGain 2, avgLoss 0
    assertThat(rsi.value()).isEqualTo(100.0);
    rsi.update(11); // seed: avgGain (2+0)/2 = 1, avgLoss (0+1)/2 = 0.5, RS 2
    assertThat(rsi.value()).isCloseTo(100 - 100 / 3.0, within(1e-12));
    rsi.update(13); // Wilder: avgGain (1*1+2)/2 = 1.5, avgLoss (0.5*1+0)/2 = 0.25, RS 6
    assertThat(rsi.value()).isCloseTo(100 - 100 / 7.0, within(1e-12));
  }

  @Test
  void flatPricesAreNeutralAndOnlyFallingPricesAreZero() {
    WilderRsi flat = new WilderRsi(14);
    WilderRsi falling = new WilderRsi(14);
    for (int i = 0; i < 30; i++) {
      flat.update(800);
      falling.update(800 - i);
    }
    assertThat(flat.value()).isEqualTo(50.0);
    assertThat(falling.value()).isEqualTo(0.0);
  }

  @Test
  void matchesARecomputationWithSmaSeedAndWilderSmoothing() {
    int period = 14;
    double[] prices = new Random(11).doubles(300, 780, 820).toArray();
    WilderRsi rsi = new WilderRsi(period);
    for (double p : prices) {
      rsi.update(p);
    }
    double gain = 0;
    double loss = 0;
    for (int i = 1; i <= period; i++) {
      double change = prices[i] - prices[i - 1];
      gain += Math.max(change, 0);
      loss += Math.max(-change, 0);
    }
    gain /= period;
    loss /= period;
    for (int i = period + 1; i < prices.length; i++) {
      double change = prices[i] - prices[i - 1];
      gain = (gain * (period - 1) + Math.max(change, 0)) / period;
      loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
    }
    assertThat(rsi.value()).isCloseTo(100 - 100 / (1 + gain / loss), within(1e-9));
  }
}
