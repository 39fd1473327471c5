package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RollSpreadTest {

  @Test
  void bidAskBounceRecoversTheSpread() {
    // Trades alternate between bid 99.95 and ask 100.05 at random: Roll's model exactly.
    Random random = new Random(1);
    RollSpread roll = new RollSpread(5_000);
    for (int i = 0; i < 20_000; i++) {
      roll.update(random.nextBoolean() ? 100.05 : 99.95);
    }
    double trueSpreadBps = Math.log(100.05 / 99.95) * 10_000;
    assertThat(roll.spreadBps()).isCloseTo(trueSpreadBps, within(trueSpreadBps * 0.05));
  }

  @Test
  void trendingPricesHaveNoRollSpread() {
    RollSpread roll = new RollSpread(50);
    for (int i = 0; i < 200; i++) {
      roll.update(100 + i);
    }
    assertThat(roll.covariance()).isGreaterThanOrEqualTo(-1e-18);
    assertThat(roll.spreadBps()).isZero();
  }

  @Test
  void rollingCovarianceMatchesRecomputationOverTheWindow() {
    int window = 30;
    double[] prices = new Random(9).doubles(400, 799, 801).toArray();
    RollSpread roll = new RollSpread(window);
    for (int i = 0; i < prices.length; i++) {
      roll.update(prices[i]);
      if (i >= 3) {
        assertThat(roll.covariance()).isCloseTo(recomputed(prices, i, window), within(1e-15));
      }
    }
  }

  /** Population covariance of (dp_t, dp_(t-1)) over the last {@code window} pairs ending at {@code end}. */
  private static double recomputed(double[] prices, int end, int window) {
    int pairs = Math.min(window, end - 1);
    double sx = 0;
    double sy = 0;
    double sxy = 0;
    for (int t = end - pairs + 1; t <= end; t++) {
      double x = Math.log(prices[t]) - Math.log(prices[t - 1]);
      double y = Math.log(prices[t - 1]) - Math.log(prices[t - 2]);
      sx += x;
      sy += y;
      sxy += x * y;
    }
    return sxy / pairs - (sx / pairs) * (sy / pairs);
  }
}
