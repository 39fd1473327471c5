package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollBackoffTest {

  /** Poll every 60 s, at most 30 min after failures; jitter spans the upper half of the delay. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      healthy feed                        |  0 |         0 | 0.99 |   60000
      first failure, lowest jitter        |  1 |         0 | 0.0  |   60000
      first failure, highest jitter       |  1 |         0 | 0.999999 | 119999
      third failure, middle jitter        |  3 |         0 | 0.5  |  360000
      tenth failure hits the ceiling      | 10 |         0 | 0.0  |  900000
      ceiling with full jitter            | 10 |         0 | 0.999999 | 1799999
      Retry-After longer than the backoff |  1 |    600000 | 0.0  |  600000
      Retry-After beyond the ceiling      |  1 | 999999999 | 0.0  | 1800000
      many failures do not overflow       | 99 |         0 | 0.0  |  900000
      """)
  void delays(String scenario, int failures, long retryAfterMs, double random, long expectedMs) {
    assertThat(new PollBackoff(60_000, 1_800_000).delayMs(failures, retryAfterMs, random)).isEqualTo(expectedMs);
  }
}
