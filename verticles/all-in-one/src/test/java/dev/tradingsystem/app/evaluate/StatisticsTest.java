package dev.tradingsystem.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.shared.math.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The binomial inference behind hit rates, and the Diebold-Mariano test. */
class StatisticsTest {

  @ParameterizedTest(name = "Wilson {0}/{1} = [{2}, {3}]")
  @CsvSource({"60, 100, 0.5020026, 0.6905987", "0, 10, 0.0, 0.2775328", "10, 10, 0.7224672, 1.0",
      "0, 0, 0.0, 1.0"})
  void wilsonInterval(long k, long n, double low, double high) {
    double[] interval = BinomialTest.wilson(k, n, BinomialTest.Z95);
    assertThat(interval[0]).isCloseTo(low, within(1e-6));
    assertThat(interval[1]).isCloseTo(high, within(1e-6));
  }

  @ParameterizedTest(name = "{0} of {1}: p = {2}")
  @CsvSource({
      "2, 10, 0.109375",              // 2 * (1 + 10 + 45) / 1024
      "15, 20, 0.04138946533203125",  // 2 * (15504 + 4845 + 1140 + 190 + 20 + 1) / 2^20
      "5, 10, 1.0",
      "60, 100, 0.05688793364098079",
      "5100, 10000, 0.04658552770494739",
      "0, 0, 1.0"})
  void exactTwoSidedBinomialPValue(long k, long n, double p) {
    assertThat(BinomialTest.twoSidedFairCoin(k, n)).isCloseTo(p, within(p * 1e-9 + 1e-15));
    assertThat(BinomialTest.twoSidedFairCoin(n - k, n)).as("symmetric").isCloseTo(p, within(p * 1e-9 + 1e-15));
  }

  @Test
  void hitRateCarriesIntervalAndPValue() {
    HitRate h = HitRate.of(60, 100);
    assertThat(h.rate()).isEqualTo(0.6);
    assertThat(h.low()).isCloseTo(0.5020026, within(1e-6));
    assertThat(h.pValue()).isCloseTo(0.05688793364098079, within(1e-12));
    assertThat(HitRate.of(0, 0).rate()).isZero();
  }

  @Test
  void logGammaMatchesFactorials() {
    assertThat(BinomialTest.logGamma(10)).isCloseTo(Math.log(362_880), within(1e-12));
    assertThat(BinomialTest.logChoose(20, 15)).isCloseTo(Math.log(15_504), within(1e-10));
  }

  @Test
  void dieboldMarianoWithoutAndWithNeweyWestLag() {
    double[] a = {1, 2, 3, 4};
    double[] b = {0, 0, 0, 0};
    // d = 1..4: mean 2.5, variance (n denominator) 1.25, standard error sqrt(1.25 / 4).
    LossComparison plain = LossComparison.of(a, b, 0);
    assertThat(plain.meanDiff()).isCloseTo(2.5, within(1e-12));
    assertThat(plain.stdError()).isCloseTo(Math.sqrt(1.25 / 4), within(1e-12));
    assertThat(plain.statistic()).isCloseTo(2.5 / Math.sqrt(1.25 / 4), within(1e-12));
    // Lag 1: autocovariance ((-0.5)(-1.5) + (0.5)(-0.5) + (1.5)(0.5)) / 4 = 0.3125, Bartlett weight 1/2:
    // long-run variance 1.25 + 2 * 0.5 * 0.3125 = 1.5625, standard error sqrt(1.5625 / 4) = 0.625.
    LossComparison hac = LossComparison.of(a, b, 1);
    assertThat(hac.stdError()).isCloseTo(0.625, within(1e-12));
    assertThat(hac.pValue()).isCloseTo(2 * NormalDistribution.cdf(-4.0), within(1e-9));
  }

  @Test
  void identicalLossesAreNotDifferent() {
    LossComparison same = LossComparison.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 1);
    assertThat(same.meanDiff()).isZero();
    assertThat(same.pValue()).isEqualTo(1.0);
  }
}
