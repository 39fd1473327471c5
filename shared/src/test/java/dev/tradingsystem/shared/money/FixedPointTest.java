package dev.tradingsystem.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPointTest {

  @ParameterizedTest(name = "{0} x {1} = {2} micros")
  @CsvSource({
      // price (cents), size (satoshi), notional micros of USD
      "77010,   100000000, 770100000",
      "77010,   1234567,   9507400",
      "116300,  1,         12",
      "1,       1,         0"})
  void notionalOfBitstampTrades(long price, long size, long micros) {
    assertThat(FixedPoint.notionalMicros(price, size, Instruments.BITSTAMP_BTC_USD)).isEqualTo(micros);
  }

  @Test
  void productsBeyondLongStillConvertWhenTheNotionalFits() {
    // 10^10 USD x 1 BTC: the raw product (10^20) overflows a long, the notional in micros (10^16) does not.
    assertThat(FixedPoint.notionalMicros(1_000_000_000_000L, 100_000_000L, Instruments.BITSTAMP_BTC_USD))
        .isEqualTo(10_000_000_000_000_000L);
    assertThatThrownBy(() -> FixedPoint.notionalMicros(Long.MAX_VALUE, Long.MAX_VALUE, Instruments.BITSTAMP_BTC_USD))
        .isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @CsvSource({"770.1, 2, 77010", "0.01234567, 8, 1234567", "12, 2, 1200"})
  void parsesExactly(String text, int scale, long units) {
    assertThat(FixedPoint.parseUnits(text, scale)).isEqualTo(units);
  }

  @Test
  void refusesPrecisionItWouldHaveToInvent() {
    assertThatThrownBy(() -> FixedPoint.parseUnits("770.123", 2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> FixedPoint.toUnits(Double.NaN, 2)).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @CsvSource({"770100000, 10, 770100", "770100000, 5, 385050", "-770100000, 10, 770100", "15, 25, 0"})
  void feesRoundHalfEven(long notional, double bps, long fee) {
    assertThat(FixedPoint.feeMicros(notional, bps)).isEqualTo(fee);
  }

  @Test
  void ticksRoundAwayOnlyWhenAsked() {
    var instrument = Instruments.BITSTAMP_BTC_USD.toBuilder().setTickSize(5).build();
    assertThat(FixedPoint.roundToTick(77_012, instrument, true)).isEqualTo(77_010);
    assertThat(FixedPoint.roundToTick(77_012, instrument, false)).isEqualTo(77_015);
    assertThat(FixedPoint.roundToTick(77_015, instrument, false)).isEqualTo(77_015);
  }
}
