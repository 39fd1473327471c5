package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogReturnsTest {

  @Test
  void isZeroUntilTheHorizonHasHistory() {
    LogReturns returns = new LogReturns(5);
    for (int i = 0; i < 5; i++) {
      returns.update(100 + i);
      assertThat(returns.over(5)).isZero();
    }
    returns.update(105);
    assertThat(returns.over(5)).isCloseTo(Math.log(105 / 100.0), within(1e-15));
    assertThat(returns.over(1)).isCloseTo(Math.log(105 / 104.0), within(1e-15));
  }

  @Test
  void matchesDirectComputationAfterTheRingWrapsManyTimes() {
    double[] prices = new Random(3).doubles(1_000, 700, 900).toArray();
    LogReturns returns = new LogReturns(100);
    for (int i = 0; i < prices.length; i++) {
      returns.update(prices[i]);
      for (int h : new int[] {5, 20, 100}) {
        double expected = i >= h ? Math.log(prices[i] / prices[i - h]) : 0;
        assertThat(returns.over(h)).isCloseTo(expected, within(1e-12));
      }
    }
  }

  @Test
  void refusesHorizonsBeyondTheBuffer() {
    assertThatThrownBy(() -> new LogReturns(5).over(6)).isInstanceOf(IllegalArgumentException.class);
  }
}
