package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconnectPolicyTest {

  @ParameterizedTest(name = "attempt {0}: delay in [0, {1}] ms")
  @CsvSource({"0, 500", "1, 1000", "2, 2000", "3, 4000", "4, 8000", "5, 16000", "6, 30000", "7, 30000", "40, 30000",
      "70, 30000"})
  void ceilingDoublesUpToTheCap(int attempt, long ceiling) {
    ReconnectPolicy policy = new ReconnectPolicy(500, 30_000, 60_000, new SplittableRandom(1));
    assertThat(policy.ceilingMs(attempt)).isEqualTo(ceiling);
  }

  @Test
  void delaysAreFullyJitteredBelowTheCeilingAndReproducibleFromTheSeed() {
    List<Long> first = delays(new SplittableRandom(42));
    List<Long> second = delays(new SplittableRandom(42));
    assertThat(first).isEqualTo(second);
    ReconnectPolicy bounds = new ReconnectPolicy(500, 30_000, 60_000, new SplittableRandom(0));
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i)).isBetween(0L, bounds.ceilingMs(i));
    }
    // full jitter: not simply the ceiling
    assertThat(first).anyMatch(d -> d < 500);
  }

  private static List<Long> delays(SplittableRandom random) {
    ReconnectPolicy policy = new ReconnectPolicy(500, 30_000, 60_000, random);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      delays.add(policy.nextDelayMs(i * 1000L));
    }
    return delays;
  }

  @ParameterizedTest(name = "up {0} ms before dropping -> next attempt {1}")
  @CsvSource({
      "59999, 4", // flapped before the healthy period: the backoff keeps growing
      "60000, 1", // healthy long enough: starts afresh
  })
  void resetsAfterAHealthyPeriod(long upMs, int attemptAfter) {
    ReconnectPolicy policy = new ReconnectPolicy(500, 30_000, 60_000, new SplittableRandom(7));
    policy.nextDelayMs(0);
    policy.nextDelayMs(1);
    policy.nextDelayMs(2);
    policy.onConnected(1_000);
    policy.nextDelayMs(1_000 + upMs);
    assertThat(policy.attempt()).isEqualTo(attemptAfter);
  }
}
