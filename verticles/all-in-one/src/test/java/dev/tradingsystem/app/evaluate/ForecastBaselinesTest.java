package dev.tradingsystem.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Baselines on six closes with log prices 0, .01, .03, .02, .05, .04, horizon 2 candles, window 3.
 * At candle 4 the 2-candle returns ending at 2..4 are .03, .01, .02, and the 1-candle returns
 * ending at 2..4 are .02, -.01, .03.
 */
class ForecastBaselinesTest {

  private static final double[] LEVELS = {0.1, 0.5, 0.9};

  private static ForecastBaselines baselines() {
    double[] logs = {0, 0.01, 0.03, 0.02, 0.05, 0.04};
    double[] closes = new double[logs.length];
    for (int i = 0; i < logs.length; i++) {
      closes[i] = 1000 * Math.exp(logs[i]);
    }
    return new ForecastBaselines(closes, 2, 3);
  }

  @Test
  void climatologyIsTheEmpiricalDistributionOfRecentHorizonReturns() {
    // sorted .01, .02, .03: type-7 positions 0.2, 1, 1.8.
    assertThat(baselines().climatology(4, LEVELS)).containsExactly(new double[] {0.012, 0.02, 0.028}, within(1e-12));
    // at 5: .01, .02, .02.
    assertThat(baselines().climatology(5, LEVELS)).containsExactly(new double[] {0.012, 0.02, 0.02}, within(1e-12));
  }

  @Test
  void randomWalkScalesTrailingVolatilityBySquareRootOfHorizon() {
    double sd = Math.sqrt((0.0004 + 0.0001 + 0.0009) / 3 * 2);
    double[] q = baselines().randomWalk(4, LEVELS);
    assertThat(q[1]).isCloseTo(0, within(1e-12));
    assertThat(q[2]).isCloseTo(sd * 1.2815515655446004, within(1e-9));
    assertThat(q[0]).isCloseTo(-q[2], within(1e-12));
  }

  @Test
  void usesNoCandleBeforeItHasAFullWindow() {
    assertThat(ForecastBaselines.firstCandle(2, 3)).isEqualTo(4);
    assertThatThrownBy(() -> baselines().climatology(3, LEVELS)).isInstanceOf(IllegalArgumentException.class);
  }
}
