package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SessionVwapTest {

  private static final long DAY_US = 86_400_000_000L;

  @Test
  void weightsPricesBySizeWithinTheSession() {
    SessionVwap vwap = new SessionVwap(86_400);
    assertThat(vwap.value()).isZero();
    vwap.update(10 * DAY_US + 1, 100, 1);
    vwap.update(10 * DAY_US + 2, 110, 3);
    assertThat(vwap.value()).isCloseTo((100 * 1 + 110 * 3) / 4.0, within(1e-12));
  }

  @Test
  void restartsAtTheSessionBoundary() {
    SessionVwap vwap = new SessionVwap(86_400);
    vwap.update(11 * DAY_US - 1, 100, 5);
    vwap.update(11 * DAY_US, 120, 1);
    assertThat(vwap.value()).isEqualTo(120.0);
    vwap.update(11 * DAY_US + 5, 130, 1);
    assertThat(vwap.value()).isEqualTo(125.0);
  }
}
