package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceTrackerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "5 6 7       | IN_ORDER IN_ORDER IN_ORDER",
      "0 1 3 4     | IN_ORDER IN_ORDER GAP IN_ORDER",
      "0 1 1 2     | IN_ORDER IN_ORDER DUPLICATE IN_ORDER",
      "10 12 11 13 | IN_ORDER GAP DUPLICATE IN_ORDER",
  })
  void judgesEachSequenceNumber(String sequence, String verdicts) {
    SequenceTracker tracker = new SequenceTracker();
    String[] seq = sequence.trim().split("\\s+");
    String[] expected = verdicts.trim().split("\\s+");
    for (int i = 0; i < seq.length; i++) {
      assertThat(tracker.observe(Long.parseLong(seq[i])).name()).as("at %s", seq[i]).isEqualTo(expected[i]);
    }
  }
}
