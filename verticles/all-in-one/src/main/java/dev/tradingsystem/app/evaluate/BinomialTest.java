package dev.tradingsystem.app.evaluate;

/**
 * Inference on a hit rate: {@code k} successes out of {@code n} independent trials.
 * <ul>
 *   <li>Wilson score interval: keeps its nominal coverage near 0 and 1 and for small {@code n},
 *       where the textbook normal interval does not.</li>
 *   <li>Exact two-sided binomial test against a fair coin: {@code p = min(1, 2 * P(X <= min(k, n-k)))}
 *       with {@code X ~ Bin(n, 1/2)}, which for the symmetric null equals R's {@code binom.test}.</li>
 * </ul>
 * Both assume independent trials: overlapping forecast horizons are not, which is why the
 * directional evaluation also reports a non-overlapping subsample.
 */
public final class BinomialTest {

  /** Two-sided 95% normal quantile. */
  public static final double Z95 = 1.959963984540054;

  private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
      771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
      9.9843695780195716e-6, 1.5056327351493116e-7};
  private static final double HALF_LOG_2PI = 0.9189385332046728;

  private BinomialTest() {
  }

  /** The Wilson score interval {@code [low, high]} at normal quantile {@code z}; [0, 1] when n = 0. */
  public static double[] wilson(long k, long n, double z) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double p = (double) k / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /** Exact two-sided p-value of {@code k} successes in {@code n} fair-coin trials; 1 when n = 0. */
  public static double twoSidedFairCoin(long k, long n) {
    if (n == 0) {
      return 1;
    }
    long m = Math.min(k, n - k);
    // Sum the lower tail downwards from its largest term, in units of that term, so that
    // thousands of trials neither underflow nor lose the tail's digits.
    double logTop = logChoose(n, m) - n * Math.log(2);
    double sum = 0;
    double term = 1;
    for (long i = m; i >= 0; i--) {
      sum += term;
      term *= i / (double) (n - i + 1);
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return Math.min(1, 2 * Math.exp(logTop + Math.log(sum)));
  }

  /** {@code ln C(n, k)}. */
  static double logChoose(long n, long k) {
    return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
  }

  /** {@code ln Gamma(x)} for {@code x >= 1} (Lanczos, g = 7: about 15 significant digits). */
  static double logGamma(double x) {
    if (x < 1) {
      throw new IllegalArgumentException("logGamma needs x >= 1, got " + x);
    }
    double y = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (y + i);
    }
    double t = y + 7.5;
    return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
