package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TradeRateTest {

  @Test
  void tradesInTheSameSecondAddUpWithoutDividingByZero() {
    TradeRate rate = new TradeRate(10);
    rate.update(1_000_000);
    rate.update(1_000_000);
    rate.update(1_000_000);
    assertThat(rate.value()).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void equalsTheExponentiallyWeightedCountOfPastTrades() {
    long[] timesUs = {0, 500_000, 2_000_000, 2_000_000, 7_250_000, 30_000_000};
    double tau = 5;
    TradeRate rate = new TradeRate(tau);
    for (long t : timesUs) {
      rate.update(t);
    }
    long now = timesUs[timesUs.length - 1];
    double expected = 0;
    for (long t : timesUs) {
      expected += Math.exp(-(now - t) / 1e6 / tau) / tau;
    }
    assertThat(rate.value()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void steadyArrivalsSettleAtTheirRate() {
    TradeRate rate = new TradeRate(60);
    for (int i = 0; i < 10_000; i++) {
      rate.update(i * 500_000L); // two trades a second
    }
    assertThat(rate.value()).isCloseTo(2.0, within(0.01));
  }
}
