package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolumeProfileTest {

  private static final double BIN_BPS = 100;

  /** The geometric centre of bin {@code b} for 1% bins. */
  private static double price(int bin) {
    return Math.pow(1.01, bin + 0.5);
  }

  private static double edge(int bin) {
    return Math.pow(1.01, bin);
  }

  @Test
  void pointOfControlAndSeventyPercentValueAreaGrownTowardTheHeavierSide() {
    VolumeProfile profile = new VolumeProfile(10, BIN_BPS, 64, 0.70);
    profile.update(price(100), 5);
    profile.update(price(101), 20);
    profile.update(price(102), 10);
    profile.update(price(99), 8);
    profile.update(price(103), 1);
    profile.compute();

    // 44 in all, 30.8 wanted: POC 101 (20), then 102 (10 beats 5) = 30, then 100 (5 beats 1) = 35.
    assertThat(profile.totalVolume()).isEqualTo(44);
    assertThat(profile.pointOfControl()).isCloseTo(price(101), within(1e-9));
    assertThat(profile.valueAreaLow()).isCloseTo(edge(100), within(1e-9));
    assertThat(profile.valueAreaHigh()).isCloseTo(edge(103), within(1e-9));
  }

  @Test
  void tradesLeaveTheWindowExactly() {
    VolumeProfile profile = new VolumeProfile(3, BIN_BPS, 64, 0.70);
    profile.update(price(50), 100);
    profile.update(price(60), 1);
    profile.update(price(61), 2);
    profile.compute();
    assertThat(profile.pointOfControl()).isCloseTo(price(50), within(1e-9));

    profile.update(price(61), 2);
    profile.compute();

    assertThat(profile.totalVolume()).isEqualTo(5);
    assertThat(profile.pointOfControl()).isCloseTo(price(61), within(1e-9));
    assertThat(profile.valueAreaLow()).isCloseTo(edge(61), within(1e-9));
    assertThat(profile.valueAreaHigh()).isCloseTo(edge(62), within(1e-9));
  }

  @Test
  void aMoveBeyondTheHeldBinsReanchorsWithoutLosingVolume() {
    VolumeProfile profile = new VolumeProfile(4, BIN_BPS, 8, 1.0);
    profile.update(price(10), 3);
    profile.update(price(11), 1);
    profile.update(price(14), 2);
    // 40 bins away: the slots (bins 46..53) move to centre on it; the old trades pile into bin 46.
    profile.update(price(50), 4);
    profile.compute();

    assertThat(profile.totalVolume()).isEqualTo(10);
    assertThat(profile.pointOfControl()).isCloseTo(price(46), within(1e-9));
    assertThat(profile.valueAreaLow()).isCloseTo(edge(46), within(1e-9));
    assertThat(profile.valueAreaHigh()).isCloseTo(edge(51), within(1e-9));

    // Once the old trades leave the window only the new region remains.
    for (int i = 0; i < 3; i++) {
      profile.update(price(49), 1);
    }
    profile.compute();
    assertThat(profile.totalVolume()).isEqualTo(7);
    assertThat(profile.valueAreaLow()).isCloseTo(edge(49), within(1e-9));
    assertThat(profile.valueAreaHigh()).isCloseTo(edge(51), within(1e-9));
  }

  @Test
  void nothingBeforeTheFirstTrade() {
    VolumeProfile profile = new VolumeProfile(10, BIN_BPS, 64, 0.70);
    profile.compute();
    assertThat(profile.pointOfControl()).isZero();
    assertThat(profile.valueAreaLow()).isZero();
  }
}
