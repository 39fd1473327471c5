package dev.tradingsystem.portfolio.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a displayed-size change at our price moves the size estimated ahead of us (all sizes in
 * lots). "printed" is print volume at the price since the level last changed: that part of a
 * decrease is the prints, already counted, not cancellations.
 */
class ProbabilisticQueueTest {

  @ParameterizedTest(name = "power {0}: ahead {1}, level {2} -> {3}, printed {4}: ahead becomes {5}")
  @CsvSource(delimiter = '|', textBlock = """
      # power | ahead | level before | level after | printed | ahead after | why
      1       | 4     | 8            | 4           | 0       | 2           | 4 cancelled, half of the level was ahead: 2 of them ahead
      1       | 2     | 8            | 4           | 0       | 1           | a quarter ahead: 1 of the 4 from ahead
      3       | 2     | 8            | 4           | 0       | 2           | power 3: cancels come from the long back, the front barely moves
      1       | 5     | 5            | 3           | 0       | 3           | nothing behind us: every cancel was ahead
      1       | 0     | 5            | 3           | 0       | 0           | at the front: cancels are all behind
      1       | 4     | 8            | 12          | 0       | 4           | joins go behind us
      1       | 4     | 8            | 3           | 5       | 3           | the prints explain the drop; only the clamp to the level applies
      1       | 6     | 8            | 0           | 0       | 0           | level gone: we are at the front
      """)
  void aSizeChangeMovesTheQueueAhead(double power, long ahead, long before, long after, long printed,
      long expected, String why) {
    assertThat(new ProbabilisticQueue(power).afterDepthChange(ahead, before, after, printed)).as(why)
        .isEqualTo(expected);
  }
}
