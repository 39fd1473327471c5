package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshPolicyTest {

  @ParameterizedTest(name = "resting {0}, wanted {1}, tolerance {2} bps -> replace {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      resting cents | wanted cents | tolerance bps | replace
      100000        | 100000       | 5             | false
      100000        | 100050       | 5             | false
      100000        | 100051       | 5             | true
      100000        | 99950        | 5             | false
      100000        | 99949        | 5             | true
      100000        | 100001       | 0             | true
      100000        | 100000       | 0             | false
      100000        | 101000       | 100           | false
      """)
  void aQuoteIsReplacedOnlyBeyondTheTolerance(long resting, long wanted, double toleranceBps, boolean replace) {
    assertThat(new RefreshPolicy(1, toleranceBps).moved(resting, wanted)).isEqualTo(replace);
  }

  @ParameterizedTest(name = "quoted at {0}, now {1}, every {2} ticks -> due {3}")
  @CsvSource(useHeadersInDisplayName = true, nullValues = "never", delimiter = '|', textBlock = """
      quoted at seq | seq | refresh ticks | due
      10            | 14  | 5             | false
      10            | 15  | 5             | true
      10            | 11  | 1             | true
      never         | 3   | 5             | true
      10            | 2   | 5             | true
      """)
  void aQuoteIsReconsideredEveryRefreshTicks(Long quotedAt, long seq, long refreshTicks, boolean due) {
    assertThat(new RefreshPolicy(refreshTicks, 5).due(seq, quotedAt)).isEqualTo(due);
  }
}
