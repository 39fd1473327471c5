package dev.tradingsystem.data.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayPacerTest {

  private static final long MS = 1_000_000L;

  @Test
  void maxSpeedNeverWaits() {
    ReplayPacer pacer = new ReplayPacer(ReplaySpeed.MAX);
    assertThat(pacer.delayMillis(0, 0)).isZero();
    assertThat(pacer.delayMillis(3_600_000_000L, 0)).isZero();
  }

  @Test
  void realtimeWaitsForTheEventTimeToComeDue() {
    ReplayPacer pacer = new ReplayPacer(ReplaySpeed.REALTIME);
    long wall = 5_000 * MS;
    assertThat(pacer.delayMillis(1_000_000_000L, wall)).isZero(); // anchors
    assertThat(pacer.delayMillis(1_000_250_000L, wall + 100 * MS)).isEqualTo(150);
    assertThat(pacer.delayMillis(1_000_250_000L, wall + 250 * MS)).isZero();
    // Behind schedule (a slow barrier): go at once, do not re-anchor.
    assertThat(pacer.delayMillis(1_000_300_000L, wall + 900 * MS)).isZero();
    assertThat(pacer.delayMillis(1_002_000_000L, wall + 900 * MS)).isEqualTo(1_100);
  }

  @Test
  void aMultiplierCompressesEventTime() {
    ReplayPacer pacer = new ReplayPacer(new ReplaySpeed(10));
    pacer.delayMillis(0, 0);
    assertThat(pacer.delayMillis(60_000_000L, 0)).isEqualTo(6_000);
  }
}
