package dev.tradingsystem.data.features;

/**
 * Effective spread from trades alone (Roll, 1984): bid-ask bounce makes successive price changes
 * negatively correlated, and {@code spread = 2 * sqrt(-cov(dp_t, dp_(t-1)))}. Price changes are
 * taken in log terms so the result is already relative; it is reported in basis points. The
 * covariance is over a rolling window of the last N pairs, kept as running sums so each update is
 * O(1). When the covariance is not negative (trending or too few pairs) the model has no answer
 * and the estimate is floored at 0.
 */
public final class RollSpread {

  private final double[] current;
  private final double[] previous;
  private int next;
  private int pairs;
  private double sumCurrent;
  private double sumPrevious;
  private double sumProduct;
  private double lastLogPrice = Double.NaN;
  private double lastChange = Double.NaN;

  /** @param window number of consecutive change pairs in the covariance */
  public RollSpread(int window) {
    if (window < 2) {
      throw new IllegalArgumentException("window must be >= 2, got " + window);
    }
    this.current = new double[window];
    this.previous = new double[window];
  }

  /** @param price a positive price */
  public void update(double price) {
    double logPrice = Math.log(price);
    if (!Double.isNaN(lastLogPrice)) {
      double change = logPrice - lastLogPrice;
      if (!Double.isNaN(lastChange)) {
        addPair(change, lastChange);
      }
      lastChange = change;
    }
    lastLogPrice = logPrice;
  }

  private void addPair(double x, double y) {
    if (pairs == current.length) {
      sumCurrent -= current[next];
      sumPrevious -= previous[next];
      sumProduct -= current[next] * previous[next];
    } else {
      pairs++;
    }
    current[next] = x;
    previous[next] = y;
    sumCurrent += x;
    sumPrevious += y;
    sumProduct += x * y;
    next = (next + 1) % current.length;
  }

  /** Serial covariance of log price changes over the window; 0 with fewer than two pairs. */
  public double covariance() {
    if (pairs < 2) {
      return 0;
    }
    return sumProduct / pairs - (sumCurrent / pairs) * (sumPrevious / pairs);
  }

  /** Roll's spread in basis points of price, floored at 0. */
  public double spreadBps() {
    double cov = covariance();
    return cov < 0 ? 2.0 * Math.sqrt(-cov) * 10_000.0 : 0;
  }
}
