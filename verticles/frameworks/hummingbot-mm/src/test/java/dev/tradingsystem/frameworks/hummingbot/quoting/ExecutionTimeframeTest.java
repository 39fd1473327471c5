package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalTime;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecutionTimeframeTest {

  private static long micros(String instant) {
    Instant at = Instant.parse(instant);
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }

  @ParameterizedTest(name = "daily {0}–{1} at {2} -> {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', nullValues = "outside", textBlock = """
      start | end   | now                  | fraction left
      09:00 | 17:00 | 2024-08-08T09:00:00Z | 1.0
      09:00 | 17:00 | 2024-08-08T13:00:00Z | 0.5
      09:00 | 17:00 | 2024-08-09T16:00:00Z | 0.125
      09:00 | 17:00 | 2024-08-08T17:00:00Z | outside
      09:00 | 17:00 | 2024-08-08T08:59:59Z | outside
      22:00 | 02:00 | 2024-08-08T23:00:00Z | 0.75
      22:00 | 02:00 | 2024-08-09T01:00:00Z | 0.25
      22:00 | 02:00 | 2024-08-09T12:00:00Z | outside
      """)
  void aDailyWindowRunsDownWithinEachDay(String start, String end, String now, Double fraction) {
    OptionalDouble left = ExecutionTimeframe.daily(LocalTime.parse(start), LocalTime.parse(end)).fractionLeft(micros(now));

    if (fraction == null) {
      assertThat(left).isEmpty();
    } else {
      assertThat(left.getAsDouble()).isCloseTo(fraction, within(1e-12));
    }
  }

  @Test
  void aDateWindowRunsDownOnceAndTheInfiniteOneNever() {
    ExecutionTimeframe window = ExecutionTimeframe.between(Instant.parse("2024-08-08T00:00:00Z"),
        Instant.parse("2024-08-08T10:00:00Z"));

    assertThat(window.fractionLeft(micros("2024-08-08T02:30:00Z")).getAsDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(window.fractionLeft(micros("2024-08-08T10:00:00Z"))).isEmpty();
    assertThat(ExecutionTimeframe.infinite().fractionLeft(0).getAsDouble()).isEqualTo(1.0);
    assertThat(window).hasToString("from-date-to-date");
    assertThatThrownBy(() -> ExecutionTimeframe.between(Instant.EPOCH, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
