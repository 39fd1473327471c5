package dev.tradingsystem.app.backtest.performance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which mid a fill is measured against ({@link MidTape}), as tables; NaN: no mid (boxed, so NaN equals NaN). */
class MarketMakingMidsTest {

  /** A book feed: seq 1..5, event time in seconds, book mids; seq 2 repeats seq 1 and is not kept. */
  private static MidTape book() {
    MidTape tape = new MidTape();
    tape.observe(1, 0, 100.0, true);
    tape.observe(2, 500_000, 100.0, true);
    tape.observe(3, 1_000_000, 101.0, true);
    tape.observe(5, 2_000_000, 99.0, true);
    tape.observe(8, 12_000_000, 98.0, true);
    return tape;
  }

  @ParameterizedTest(name = "fill at seq {0}: mid {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # filling event | mid at fill | why
      0               | NaN         | nothing published before it
      1               | 100.0       | its own book mid: a trade does not move the book
      2               | 100.0       | a repeated mid is the same mid
      4               | 101.0       | the last mid before it (seq 4 published none)
      5               | 99.0        | its own book mid
      9               | 98.0        | after the last observation
      """)
  void aBookFillIsMeasuredAgainstTheBookItTradedAgainst(long seq, double expected, String why) {
    assertThat(Double.valueOf(book().midAtFill(seq))).as(why).isEqualTo(Double.valueOf(expected));
  }

  @ParameterizedTest(name = "fill at seq {0}: mid {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # filling event | mid at fill | why
      1               | NaN         | its own print is no mid, and nothing came before
      2               | 100.0       | the print before the filling one
      3               | 99.0        | the print before the filling one
      """)
  void aTradeOnlyFillIsMeasuredAgainstThePrintBeforeIt(long seq, double expected, String why) {
    MidTape tape = new MidTape();
    tape.observe(1, 0, 100.0, false);
    tape.observe(2, 1_000_000, 99.0, false);
    tape.observe(3, 2_000_000, 97.0, false);
    assertThat(Double.valueOf(tape.midAtFill(seq))).as(why).isEqualTo(Double.valueOf(expected));
  }

  @ParameterizedTest(name = "at {0} us: mid {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # event time | mid in force | why
      -1           | NaN          | before the first observation
      0            | 100.0        | the first observation
      999999       | 100.0        | still the first
      1000000      | 101.0        | seq 3
      11999999     | 99.0         | seq 5 holds until seq 8
      12000000     | 98.0         | the last observation
      12000001     | NaN          | the data ended before
      """)
  void theMidInForceAtAnEventTimeIsKnownOnlyInsideTheData(long timeUs, double expected, String why) {
    assertThat(Double.valueOf(book().midAt(timeUs))).as(why).isEqualTo(Double.valueOf(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # observation refused | seq | mid
      a zero mid            | 9   | 0.0
      a negative mid        | 9   | -1.0
      a NaN mid             | 9   | NaN
      an infinite mid       | 9   | Infinity
      an older event        | 4   | 50.0
      """)
  void unusableObservationsAreIgnored(String what, long seq, double mid) {
    MidTape tape = book();
    tape.observe(seq, 20_000_000, mid, true);
    assertThat(tape.lastMid()).as(what).isEqualTo(98.0);
    assertThat(tape.size()).isEqualTo(4);
  }

  @Test
  void aTimeGoingBackwardsIsReadAsTheLatestSeen() {
    MidTape tape = book();
    tape.observe(9, 5_000_000, 97.0, true);
    assertThat(tape.midAt(12_000_000)).isEqualTo(97.0);
  }
}
