package dev.tradingsystem.app.evaluate;

/**
 * How often a directional call matched the sign of the realised return.
 *
 * @param hits   calls whose sign matched
 * @param n      calls scored
 * @param rate   {@code hits / n} (0 when n = 0)
 * @param low    lower end of the 95% Wilson interval
 * @param high   upper end of the 95% Wilson interval
 * @param pValue exact two-sided binomial p-value against a fair coin (0.5)
 */
public record HitRate(long hits, long n, double rate, double low, double high, double pValue) {

  public static HitRate of(long hits, long n) {
    if (hits < 0 || hits > n) {
      throw new IllegalArgumentException("hits must be in [0, n], got " + hits + " of " + n);
    }
    double[] interval = BinomialTest.wilson(hits, n, BinomialTest.Z95);
    return new HitRate(hits, n, n == 0 ? 0 : (double) hits / n, interval[0], interval[1],
        BinomialTest.twoSidedFairCoin(hits, n));
  }
}
