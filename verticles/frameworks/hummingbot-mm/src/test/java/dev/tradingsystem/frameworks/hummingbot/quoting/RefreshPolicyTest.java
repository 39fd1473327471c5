package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hummingbot's {@code c_is_within_tolerance}, one side at a time; prices in cents. */
class RefreshPolicyTest {

  private static List<Long> prices(String cents) {
    return cents.isBlank() ? List.of() : Arrays.stream(cents.split(" ")).map(Long::valueOf).toList();
  }

  @ParameterizedTest(name = "resting [{0}], wanted [{1}], tolerance {2} % -> keep {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', emptyValue = "", textBlock = """
      resting cents       | wanted cents        | tolerance pct | keep
      100000              | 100000              | 0             | true
      100000              | 100001              | 0             | false
      100000              | 100050              | 0.05          | true
      100000              | 100051              | 0.05          | false
      100000              | 99950               | 0.05          | true
      100000              | 99949               | 0.05          | false
      100000 99000        | 99010 100020        | 0.05          | true
      100000 99000        | 99100 100020        | 0.05          | false
      100000 99000        | 100000              | 5             | false
      100000              | 100000              | -1            | false
      ''                  | ''                  | 0             | true
      """)
  void ordersStayOnlyWhenEveryWantedPriceIsWithinTolerance(String resting, String wanted, double tolerancePct,
      boolean keep) {
    assertThat(new RefreshPolicy(1, tolerancePct).withinTolerance(prices(resting), prices(wanted))).isEqualTo(keep);
  }
}
