package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollingWindowTest {

  @Test
  void meanAndPopulationVarianceOfTheValuesHeld() {
    RollingWindow window = new RollingWindow(4);
    for (double x : new double[] {10, 1, 2, 3, 4}) {
      window.update(x);
    }
    // 10 has left the window: 1, 2, 3, 4 remain.
    assertThat(window.full()).isTrue();
    assertThat(window.mean()).isCloseTo(2.5, within(1e-15));
    assertThat(window.populationVariance()).isCloseTo(1.25, within(1e-15));
    assertThat(window.get(0)).isEqualTo(4);
    assertThat(window.get(3)).isEqualTo(1);
    assertThatThrownBy(() -> window.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void averagesWhatItHasDuringWarmUp() {
    RollingWindow window = new RollingWindow(20);
    window.update(5);
    assertThat(window.mean()).isEqualTo(5);
    assertThat(window.populationVariance()).isZero();
    window.update(7);
    assertThat(window.mean()).isEqualTo(6);
    assertThat(window.populationVariance()).isEqualTo(1);
  }

  @Test
  void runningSumsDoNotDriftOverAHundredThousandRealPrices() {
    List<RealBars.Trade> trades = RealBars.bitstampTrades();
    int period = 20;
    RollingWindow window = new RollingWindow(period);
    double[] prices = new double[trades.size()];
    double worstMean = 0;
    double worstDeviation = 0;
    for (int i = 0; i < prices.length; i++) {
      prices[i] = trades.get(i).price() / 100.0;
      window.update(prices[i]);
      int from = Math.max(0, i - period + 1);
      double mean = 0;
      for (int j = from; j <= i; j++) {
        mean += prices[j];
      }
      mean /= i - from + 1;
      double squares = 0;
      for (int j = from; j <= i; j++) {
        squares += (prices[j] - mean) * (prices[j] - mean);
      }
      double deviation = Math.sqrt(squares / (i - from + 1));
      worstMean = Math.max(worstMean, Math.abs(window.mean() - mean));
      worstDeviation = Math.max(worstDeviation, Math.abs(window.populationStdDev() - deviation));
    }
    assertThat(worstMean).isLessThan(1e-10);
    assertThat(worstDeviation).isLessThan(1e-9);
  }

  @Test
  void aWindowOfIdenticalValuesHasExactlyZeroSpread() {
    RollingWindow window = new RollingWindow(5);
    for (double x : new double[] {800.01, 800.37, 799.99, 800.02, 800.05}) {
      window.update(x);
    }
    for (int i = 0; i < 5; i++) {
      window.update(800.03);
    }
    assertThat(window.mean()).isEqualTo(800.03);
    assertThat(window.populationStdDev()).isZero();
  }
}
