package dev.tradingsystem.risk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.shared.math.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VaR figures worked out by hand. */
class ValueAtRiskTest {

  /** Ten returns, sorted: -5%, -3%, -2%, -1%, 0, 1%, 1%, 2%, 3%, 4%. */
  private static final double[] TEN = {0.01, -0.05, 0.02, 0.0, -0.01, 0.03, -0.03, 0.04, 0.01, -0.02};

  @ParameterizedTest(name = "confidence {0}: the {1}th worst return")
  @CsvSource({
      "0.99, 0.05",   // ceil(0.01 * 10) = 1 -> -5%
      "0.90, 0.05",   // ceil(0.1 * 10) = 1 -> -5%
      "0.85, 0.03",   // ceil(0.15 * 10) = 2 -> -3%
      "0.80, 0.03",   // ceil(0.2 * 10) = 2 -> -3%
      "0.70, 0.02",   // ceil(0.3 * 10) = 3 -> -2%
      "0.55, 0.00"})  // ceil(0.45 * 10) = 5 -> 0: no loss
  void historicalIsTheEmpiricalQuantile(double confidence, double loss) {
    assertThat(ValueAtRisk.historicalLossReturn(TEN, confidence)).isCloseTo(loss, within(1e-12));
  }

  @Test
  void historicalAtNinetyNinePercentOfAHundredIsTheWorstReturn() {
    double[] hundred = new double[100];
    for (int n = 0; n < 100; n++) {
      hundred[n] = (n - 50) / 1000.0;
    }
    assertThat(ValueAtRisk.historicalLossReturn(hundred, 0.99)).as("binary 0.01*100 must not become the 2nd").isEqualTo(0.05);
  }

  @Test
  void parametricIsMeanPlusZTimesSampleSd() {
    // mean 0; squares 0.0025+0.0009+0.0004+0.0001+0+0.0001+0.0001+0.0004+0.0009+0.0016 = 0.007;
    // sample variance 0.007 / 9, sd = 0.027889; z(0.01) = -2.326348; VaR = 2.326348 * 0.027889 = 0.064879
    double expected = -NormalDistribution.quantile(0.01) * Math.sqrt(0.007 / 9);
    assertThat(expected).isCloseTo(0.064879, within(1e-6));

    assertThat(ValueAtRisk.parametricLossReturn(TEN, 0.99)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void parametricOfReturnsThatOnlyGainIsZero() {
    assertThat(ValueAtRisk.parametricLossReturn(new double[] {0.10, 0.11, 0.10, 0.11}, 0.99)).isZero();
    assertThat(ValueAtRisk.parametricLossReturn(new double[] {-0.01}, 0.99)).as("one return has no spread").isZero();
  }

  @Test
  void equityIsSampledOncePerHorizonAndScaledToCurrentEquity() {
    ValueAtRisk var = new ValueAtRisk(3, 60_000_000L, 0.99);
    var.observe(0, 100_000_000_000L);
    assertThat(var.observe(30_000_000L, 50_000_000_000L)).as("inside the horizon: not sampled").isFalse();
    assertThat(var.observe(60_000_000L, 98_000_000_000L)).isTrue();        // -2%
    var.observe(120_000_000L, 99_960_000_000L);                             // +2%
    var.observe(180_000_000L, 94_962_000_000L);                             // -5%
    var.observe(240_000_000L, 94_962_000_000L);                             // 0, window 3 drops the -2%

    assertThat(var.returnsHeld()).isEqualTo(3);
    // historical at 99% of {+2%, -5%, 0}: -5% of 94,962 = 4,748.10
    assertThat(var.historicalMicros(94_962_000_000L)).isEqualTo(4_748_100_000L);
    double mean = (0.02 - 0.05 + 0) / 3;
    double sd = Math.sqrt((Math.pow(0.02 - mean, 2) + Math.pow(-0.05 - mean, 2) + Math.pow(0 - mean, 2)) / 2);
    double loss = -(mean + NormalDistribution.quantile(0.01) * sd);
    assertThat(var.parametricMicros(94_962_000_000L)).isCloseTo(Math.round(loss * 94_962_000_000L), within(1L));
  }
}
