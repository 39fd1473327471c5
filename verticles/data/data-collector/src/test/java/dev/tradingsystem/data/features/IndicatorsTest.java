package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-checked values of the small indicators; agreement with ta4j on real bars is {@link Ta4jAgreementTest}. */
class IndicatorsTest {

  @Test
  void smaAveragesTheLastPeriodValues() {
    Sma sma = new Sma(3);
    assertThat(sma.value()).isZero();
    sma.update(1);
    sma.update(2);
    assertThat(sma.value()).isEqualTo(1.5);
    sma.update(3);
    sma.update(7);
    assertThat(sma.value()).isCloseTo(4.0, within(1e-15));
    assertThat(sma.warm()).isTrue();
  }

  @Test
  void macdLineSignalAndHistogram() {
    Macd macd = new Macd(2, 4, 3);
    macd.update(10);
    assertThat(macd.line()).isZero();
    macd.update(13);
    // fast alpha 2/3: 12; slow alpha 2/5: 11.2; line 0.8; signal alpha 1/2 from 0: 0.4.
    assertThat(macd.fastEma()).isCloseTo(12, within(1e-12));
    assertThat(macd.slowEma()).isCloseTo(11.2, within(1e-12));
    assertThat(macd.line()).isCloseTo(0.8, within(1e-12));
    assertThat(macd.signal()).isCloseTo(0.4, within(1e-12));
    assertThat(macd.histogram()).isCloseTo(0.4, within(1e-12));
    assertThatThrownBy(() -> new Macd(5, 5, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bollingerBandsSitKPopulationDeviationsFromTheMiddle() {
    BollingerBands bands = new BollingerBands(4, 2);
    for (double x : new double[] {1, 2, 3, 4}) {
      bands.update(x);
    }
    double deviation = Math.sqrt(1.25);
    assertThat(bands.middle()).isCloseTo(2.5, within(1e-15));
    assertThat(bands.upper()).isCloseTo(2.5 + 2 * deviation, within(1e-12));
    assertThat(bands.lower()).isCloseTo(2.5 - 2 * deviation, within(1e-12));
    assertThatThrownBy(() -> new BollingerBands(20, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void atrSeedsWithTheFirstRangeAndUsesTheGapToThePreviousClose() {
    AverageTrueRange atr = new AverageTrueRange(2);
    atr.update(11, 9, 10);
    assertThat(atr.value()).isEqualTo(2);
    // Gap up: high 15 - previous close 10 = 5 beats high - low = 1.
    atr.update(15, 14, 14.5);
    assertThat(atr.value()).isEqualTo(3.5);
    // Inside bar: high - low = 1 is the true range.
    atr.update(14.8, 13.8, 14);
    assertThat(atr.value()).isEqualTo(2.25);
  }

  @Test
  void realizedVolatilityIsThePopulationDeviationOfLogReturns() {
    RealizedVolatility volatility = new RealizedVolatility(2);
    volatility.update(100);
    assertThat(volatility.value()).isZero();
    volatility.update(110);
    volatility.update(99);
    double up = Math.log(1.1);
    double down = Math.log(0.9);
    assertThat(volatility.value()).isCloseTo(Math.abs(up - down) / 2, within(1e-15));
    // A constant drift is not volatility.
    RealizedVolatility drift = new RealizedVolatility(3);
    for (double p = 100; p < 200; p *= 1.01) {
      drift.update(p);
    }
    assertThat(drift.value()).isCloseTo(0, within(1e-12));
  }
}
