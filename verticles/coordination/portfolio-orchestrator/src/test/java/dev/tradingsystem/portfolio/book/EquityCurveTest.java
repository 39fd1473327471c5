package dev.tradingsystem.portfolio.book;

import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EquityCurveTest {

  /** Each row marks the curve once more, starting from 100,000: equity → peak, drawdown, max drawdown. */
  @ParameterizedTest(name = "after {0} marks ending at {1}: peak {2}, drawdown {3}, max {4}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | 100000 | 100000 | 0          | 0
      2 | 99000  | 100000 | 0.01       | 0.01
      3 | 101000 | 101000 | 0          | 0.01
      4 | 98980  | 101000 | 0.02       | 0.02
      5 | 100000 | 101000 | 0.00990099 | 0.02
      """)
  void drawdownIsMeasuredFromThePeakAndTheWorstIsKept(int marks, String equity, String peak, double drawdown,
      double maxDrawdown) {
    String[] path = {"100000", "99000", "101000", "98980", "100000"};
    EquityCurve curve = new EquityCurve(usd("100000"));
    for (int i = 0; i < marks; i++) {
      curve.mark(usd(path[i]));
    }

    assertThat(curve.equityMicros()).isEqualTo(usd(equity));
    assertThat(curve.peakMicros()).isEqualTo(usd(peak));
    assertThat(curve.drawdown()).isCloseTo(drawdown, within(1e-8));
    assertThat(curve.maxDrawdown()).isCloseTo(maxDrawdown, within(1e-8));
  }

  @Test
  void startsWithoutDrawdown() {
    EquityCurve curve = new EquityCurve(usd("100000"));

    assertThat(curve.peakMicros()).isEqualTo(usd("100000"));
    assertThat(curve.drawdown()).isZero();
    assertThat(curve.maxDrawdown()).isZero();
  }
}
