package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The budget refuses before a limit is crossed, per window, and settles to reported usage. */
class TokenBudgetTest {

  private static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 86_400_000L; // a UTC midnight

  /** 1,000 tokens a minute, 5,000 a day, $0.01 a day at $1 / $2 per million tokens. */
  private static TokenBudget budget() {
    return new TokenBudget(new BudgetConfig(1_000, 5_000, 0.01, 1.0, 2.0, 100));
  }

  @ParameterizedTest(name = "{0}+{1} tokens after 900 this minute -> {2}")
  @CsvSource({
      "50, 50, ''",
      "50, 51, minute_tokens",
      "100, 0, ''",
      "101, 0, minute_tokens",
  })
  void refusesWhatWouldCrossTheMinute(long prompt, long completion, String refusal) {
    TokenBudget budget = budget();
    assertThat(budget.reserve(new TokenUsage(900, 0), T0)).isEmpty();
    assertThat(budget.reserve(new TokenUsage(prompt, completion), T0 + 59_999))
        .isEqualTo(refusal.isEmpty() ? Optional.empty() : Optional.of(refusal));
  }

  @Test
  void aNewMinuteFreesTheMinuteButNotTheDay() {
    TokenBudget budget = budget();
    for (int minute = 0; minute < 5; minute++) {
      assertThat(budget.reserve(new TokenUsage(1_000, 0), T0 + minute * 60_000L)).as("minute %d", minute).isEmpty();
    }
    assertThat(budget.tokensToday()).isEqualTo(5_000);
    assertThat(budget.reserve(new TokenUsage(1, 0), T0 + 5 * 60_000L)).contains("day_tokens");
    assertThat(budget.reserve(new TokenUsage(1_000, 0), T0 + 86_400_000L)).as("the next UTC day").isEmpty();
  }

  @Test
  void costIsCheckedAgainstTheDailyDollars() {
    // 4,000 prompt tokens at $1/M = $0.004; 3,000 completion at $2/M = $0.006: exactly $0.01.
    TokenBudget budget = new TokenBudget(new BudgetConfig(1_000_000, 1_000_000, 0.01, 1.0, 2.0, 100));
    assertThat(budget.reserve(new TokenUsage(4_000, 3_000), T0)).isEmpty();
    assertThat(budget.microUsdToday()).isEqualTo(10_000);
    assertThat(budget.reserve(new TokenUsage(1, 0), T0)).contains("day_cost");
  }

  @Test
  void settlingReplacesTheReservationByTheReportedUsage() {
    TokenBudget budget = budget();
    TokenUsage reserved = new TokenUsage(300, 100);
    assertThat(budget.reserve(reserved, T0)).isEmpty();
    budget.settle(reserved, new TokenUsage(250, 20), T0 + 10);
    assertThat(budget.tokensThisMinute()).isEqualTo(270);
    assertThat(budget.tokensToday()).isEqualTo(270);
    assertThat(budget.microUsdToday()).isEqualTo(250 + 40);
    TokenUsage second = new TokenUsage(500, 100);
    assertThat(budget.reserve(second, T0 + 20)).isEmpty();
    budget.release(second, T0 + 30);
    assertThat(budget.tokensThisMinute()).isEqualTo(270);
  }

  @Test
  void aZeroLimitRefusesEveryCall() {
    TokenBudget closed = new TokenBudget(new BudgetConfig(0, 5_000, 1, 1, 1, 100));
    assertThat(closed.reserve(new TokenUsage(1, 0), T0)).contains("minute_tokens");
  }

  @Test
  void estimatesRoundCharactersUpToTokens() {
    assertThat(TokenUsage.estimate(9, 256)).isEqualTo(new TokenUsage(3, 256));
    assertThat(TokenUsage.estimate(0, 16)).isEqualTo(new TokenUsage(0, 16));
  }
}
