package dev.tradingsystem.frameworks.hummingbot.quoting.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolatilityEstimatorTest {

  private static final long SECOND = 1_000_000L;

  /**
   * A geometric random walk with a known σ per √second, sampled at fixed or random (exponential)
   * spacing: the estimate recovers σ whatever the spacing, because each return is weighed by the
   * time it covers.
   */
  @ParameterizedTest(name = "σ {0}/√s, spacing {1} s ({2}) -> estimate within {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      sigma per sqrt s | mean spacing s | spacing     | half-life s | relative tolerance
      0.001            | 1              | fixed       | 3600        | 0.05
      0.0005           | 0.25           | fixed       | 3600        | 0.05
      0.002            | 2              | exponential | 7200        | 0.05
      0.01             | 0.1            | exponential | 600         | 0.05
      """)
  void recoversTheVolatilityOfAKnownRandomWalk(double sigma, double spacing, String kind, double halfLife,
      double tolerance) {
    VolatilityEstimator estimator = new VolatilityEstimator(halfLife, 30);
    Random random = new Random(7);
    double logMid = Math.log(60_000);
    long time = 0;
    for (int i = 0; i < 60_000; i++) {
      double dt = kind.equals("fixed") ? spacing : -Math.log(1 - random.nextDouble()) * spacing;
      long step = Math.max(1, Math.round(dt * SECOND));
      time += step;
      logMid += sigma * Math.sqrt(step / (double) SECOND) * random.nextGaussian();
      estimator.onMid(time, Math.exp(logMid));
    }

    assertThat(estimator.ready()).isTrue();
    assertThat(estimator.logSigmaPerSqrtSecond()).isCloseTo(sigma, within(sigma * tolerance));
    assertThat(estimator.priceSigmaPerSqrtSecond(60_000)).isCloseTo(60_000 * sigma, within(60_000 * sigma * tolerance));
  }

  /**
   * By hand: mids 100 at t=0, 101 at t=1, a burst at t=2 (102, 101.5, 103), 103 at t=3. The burst
   * is one instant ending at 103, so the returns are ln(101/100) = 0.0099503309 and
   * ln(103/101) = 0.0196084714, each over one second. With a one-second half-life the second
   * weighs α = 1/2: variance (r1² + r2²)/2 = 2.4175062e-4; with two seconds α = 1 − 2^(−1/2).
   */
  @ParameterizedTest(name = "half-life {0} s -> variance {1}/s")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      half-life s | variance per second | sigma per sqrt s
      1           | 2.4175061714e-4     | 0.0155483317
      2           | 1.8262513823e-4     | 0.0135138869
      """)
  void aBurstAtOneTimestampIsOneInstant(double halfLife, double variance, double sigma) {
    VolatilityEstimator estimator = new VolatilityEstimator(halfLife, 2);
    estimator.onMid(0, 100);
    estimator.onMid(SECOND, 101);
    estimator.onMid(2 * SECOND, 102);
    estimator.onMid(2 * SECOND, 101.5);
    estimator.onMid(2 * SECOND, 103);
    assertThat(estimator.ready()).as("the burst's instant is not closed yet").isFalse();
    estimator.onMid(3 * SECOND, 103);

    assertThat(estimator.samples()).isEqualTo(2);
    assertThat(estimator.ready()).isTrue();
    assertThat(estimator.variancePerSecond()).isCloseTo(variance, within(1e-13));
    assertThat(estimator.logSigmaPerSqrtSecond()).isCloseTo(sigma, within(1e-9));
  }

  @Test
  void aFlatMarketHasNoVolatilityAndBadMidsAreIgnored() {
    VolatilityEstimator estimator = new VolatilityEstimator(60, 3);
    for (int i = 0; i < 10; i++) {
      estimator.onMid(i * SECOND, 100);
      estimator.onMid(i * SECOND + 1, Double.NaN);
      estimator.onMid(i * SECOND + 2, -5);
    }

    assertThat(estimator.ready()).isTrue();
    assertThat(estimator.variancePerSecond()).isZero();
  }

  @Test
  void parametersAreChecked() {
    assertThatThrownBy(() -> new VolatilityEstimator(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VolatilityEstimator(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
