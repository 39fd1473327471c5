package dev.tradingsystem.app.hyperopt;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The density TPE fits to one axis over a set of observed values (Bergstra et al. 2011, "adaptive
 * Parzen"): a prior plus one kernel per observation. Numeric axes use Gaussian kernels truncated to
 * the range, the prior one centred with the range's width, each observation's kernel as wide as
 * the larger gap to its sorted neighbours (clipped to [range / min(100, 1 + n), range]); a value's
 * density is the kernels' mass over its grid cell, so integers and decimal grids are scored as the
 * discrete values they are. Booleans are categorical: count + prior weight spread over both values.
 */
final class ParzenEstimator {

  private static final double PRIOR_WEIGHT = 1.0;
  private static final double MAX_KERNELS_FOR_MIN_WIDTH = 100;
  private static final double MIN_MASS = 1e-300;
  private static final int MAX_REJECTIONS = 1_000;

  private final SearchDimension axis;
  private final double lower;
  private final double upper;
  private final double[] mus;
  private final double[] sigmas;
  private final double[] categoryProbability;

  ParzenEstimator(SearchDimension axis, double[] observed) {
    this.axis = axis;
    // A grid value owns the cell [v - step/2, v + step/2]; the ends own half a cell beyond the range.
    this.lower = axis.low() - axis.step() / 2;
    this.upper = axis.high() + axis.step() / 2;
    if (axis.kind() == SearchDimension.Kind.BOOLEAN) {
      double[] counts = new double[2];
      for (double v : observed) {
        counts[v >= 0.5 ? 1 : 0]++;
      }
      categoryProbability = new double[2];
      for (int c = 0; c < 2; c++) {
        categoryProbability[c] = (counts[c] + PRIOR_WEIGHT / 2) / (observed.length + PRIOR_WEIGHT);
      }
      mus = new double[0];
      sigmas = new double[0];
    } else {
      categoryProbability = null;
      double width = upper - lower;
      double prior = (lower + upper) / 2;
      mus = Arrays.copyOf(observed, observed.length + 1);
      mus[observed.length] = prior;
      Arrays.sort(mus);
      sigmas = new double[mus.length];
      double minSigma = width / Math.min(MAX_KERNELS_FOR_MIN_WIDTH, 1 + observed.length);
      boolean priorSet = false;
      for (int i = 0; i < mus.length; i++) {
        if (!priorSet && mus[i] == prior) {
          sigmas[i] = width;
          priorSet = true;
          continue;
        }
        double left = i > 0 ? mus[i] - mus[i - 1] : mus[i] - lower;
        double right = i < mus.length - 1 ? mus[i + 1] - mus[i] : upper - mus[i];
        sigmas[i] = Math.max(minSigma, Math.min(width, Math.max(left, right)));
      }
    }
  }

  /** A grid value drawn from the density. */
  double sample(SplittableRandom random) {
    if (categoryProbability != null) {
      return random.nextDouble() < categoryProbability[1] ? 1 : 0;
    }
    int k = random.nextInt(mus.length);
    for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
      double x = mus[k] + sigmas[k] * random.nextGaussian();
      if (x >= lower && x <= upper) {
        return axis.snap(x);
      }
    }
    return axis.snap(mus[k]);
  }

  /** Log of the probability of the grid value {@code value}. */
  double logDensity(double value) {
    if (categoryProbability != null) {
      return Math.log(categoryProbability[value >= 0.5 ? 1 : 0]);
    }
    double a = Math.max(lower, value - axis.step() / 2);
    double b = Math.min(upper, value + axis.step() / 2);
    double total = 0;
    for (int k = 0; k < mus.length; k++) {
      double z = mass(lower, upper, mus[k], sigmas[k]);
      total += z <= 0 ? 0 : mass(a, b, mus[k], sigmas[k]) / z;
    }
    return Math.log(Math.max(MIN_MASS, total / mus.length));
  }

  /** Normal(mu, sigma) mass on [a, b], accurate in the tails. */
  static double mass(double a, double b, double mu, double sigma) {
    double za = (a - mu) / sigma;
    double zb = (b - mu) / sigma;
    if (zb - za < 1e-2) {
      // A cell much narrower than the kernel: the midpoint rule beats a difference of two near-equal CDFs.
      double mid = (za + zb) / 2;
      return Math.exp(-mid * mid / 2) / Math.sqrt(2 * Math.PI) * (zb - za);
    }
    if (za >= 0) {
      return upperTail(za) - upperTail(zb);
    }
    if (zb <= 0) {
      return upperTail(-zb) - upperTail(-za);
    }
    return 1 - upperTail(-za) - upperTail(zb);
  }

  /** P(Z > z) for a standard normal Z. */
  static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /** Complementary error function, Chebyshev fit with relative error below 1.2e-7 everywhere (Numerical Recipes). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
