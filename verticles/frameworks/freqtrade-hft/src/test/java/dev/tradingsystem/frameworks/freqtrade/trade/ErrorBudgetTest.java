package dev.tradingsystem.frameworks.freqtrade.trade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 3 errors within the last 5 decisions pause a strategy. "x" is a decision that threw, "." one that did not. */
class ErrorBudgetTest {

  @ParameterizedTest(name = "{0} -> paused at decision {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      decisions         | paused at
      xxx               | 3
      x.x.x             | 5
      x..x..x..x        | never
      .....xx.x         | 9
      x....x....x....   | never
      """)
  void errorsWithinTheWindowPause(String decisions, String pausedAt) {
    ErrorBudget budget = new ErrorBudget(3, 5);
    String result = "never";
    for (int i = 0; i < decisions.length(); i++) {
      if (decisions.charAt(i) == 'x') {
        if (budget.error()) {
          result = String.valueOf(i + 1);
          break;
        }
      } else {
        budget.success();
      }
    }
    assertThat(result).isEqualTo(pausedAt);
  }
}
