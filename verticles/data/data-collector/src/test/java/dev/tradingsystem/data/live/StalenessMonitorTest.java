package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StalenessMonitorTest {

  @ParameterizedTest(name = "last data at {0}, check at {1}: stale={2}")
  @CsvSource({
      "0,    1000, false", // exactly at the threshold: not yet
      "0,    1001, true",
      "500,  1400, false",
      "500,  1501, true",
  })
  void raisesOnceSilenceExceedsTheThreshold(long lastData, long checkAt, boolean stale) {
    StalenessMonitor monitor = new StalenessMonitor(1000);
    monitor.watch("BTC/USDT", 0);
    monitor.onData("BTC/USDT", lastData);
    assertThat(monitor.check(checkAt)).hasSize(stale ? 1 : 0);
    assertThat(monitor.isStale("BTC/USDT")).isEqualTo(stale);
  }

  @Test
  void raisesOncePerSpellAndClearsWhenDataResumes() {
    StalenessMonitor monitor = new StalenessMonitor(1000);
    monitor.watch("BTC/USDT", 0);
    monitor.watch("ETH/USDT", 0);
    monitor.onData("ETH/USDT", 900);
    assertThat(monitor.check(1500)).containsExactly("BTC/USDT");
    assertThat(monitor.check(1600)).isEmpty();
    assertThat(monitor.onData("BTC/USDT", 1700)).isTrue();
    assertThat(monitor.onData("BTC/USDT", 1800)).isFalse();
    assertThat(monitor.check(2000)).containsExactly("ETH/USDT");
    assertThat(monitor.silenceMs("BTC/USDT", 2000)).isEqualTo(200);
  }
}
