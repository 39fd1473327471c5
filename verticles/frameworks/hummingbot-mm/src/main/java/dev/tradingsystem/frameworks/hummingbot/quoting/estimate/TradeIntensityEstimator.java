package dev.tradingsystem.frameworks.hummingbot.quoting.estimate;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * The order-book intensity κ of Avellaneda–Stoikov, estimated from trades: market orders that
 * reach a distance δ from the mid arrive at a rate λ(δ) = A·e^{−κδ}. Each trade is one arrival
 * that reached |price − mid| (the mid the trade met), so λ(δ) is the rate of trades at distance
 * ≥ δ, and the survival curve of the distances over a rolling window gives the fit.
 *
 * <p>The estimator (Hummingbot's {@code TradingIntensityIndicator} fits the same curve with a
 * non-linear least squares on traded amounts; this one counts arrivals and is closed form, so
 * it is deterministic and cheap):
 * <ol>
 *   <li>keep the trades of the last {@code windowSeconds} of event time;</li>
 *   <li>grid δ_k, k = 0..levels−1, evenly from the smallest distance seen to the deepest distance
 *       that still has {@code minTradesPerLevel} trades at or beyond it;</li>
 *   <li>N_k = trades with distance ≥ δ_k, λ_k = N_k / W with W the window's span in seconds
 *       (at least one second);</li>
 *   <li>weighted least squares of ln λ_k on δ_k, weights N_k (the variance of ln N is ≈ 1/N):
 *       κ = −slope, A = e^{intercept}.</li>
 * </ol>
 * No estimate while the window has fewer than {@code 2·minTradesPerLevel} trades, fewer than three
 * usable grid levels, or a slope that is not negative (every trade at one distance says nothing
 * about how fills fall off). Distances are in price units, so κ is per price unit. Not
 * thread-safe: one owner.
 */
public final class TradeIntensityEstimator {

  /**
   * A fitted intensity curve.
   *
   * @param kappa  decay of the arrival rate per price unit away from the mid
   * @param alpha  arrival rate at the mid, trades per second (A)
   * @param trades trades in the window
   * @param levels grid levels the fit used
   */
  public record Estimate(double kappa, double alpha, int trades, int levels) {
  }

  private record Arrival(long timeUs, double distance) {
  }

  private static final int MIN_LEVELS = 3;

  private final long windowUs;
  private final int levels;
  private final int minTradesPerLevel;
  private final ArrayDeque<Arrival> window = new ArrayDeque<>();

  /**
   * @param windowSeconds     span of trades the fit uses; long is stable, short follows a market
   *                          whose depth changes
   * @param levels            grid points of the fit (≥ 3)
   * @param minTradesPerLevel trades a grid level needs to take part; guards the tail against noise
   */
  public TradeIntensityEstimator(double windowSeconds, int levels, int minTradesPerLevel) {
    if (!(windowSeconds > 0) || !Double.isFinite(windowSeconds) || levels < MIN_LEVELS || minTradesPerLevel < 1) {
      throw new IllegalArgumentException("window must be positive, levels ≥ 3 and min trades ≥ 1, got "
          + windowSeconds + ", " + levels + ", " + minTradesPerLevel);
    }
    this.windowUs = Math.round(windowSeconds * 1_000_000);
    this.levels = levels;
    this.minTradesPerLevel = minTradesPerLevel;
  }

  /** A trade at {@code price} that met the book with this {@code mid}; non-finite inputs are ignored. */
  public void onTrade(long timeUs, double price, double mid) {
    if (!(price > 0) || !(mid > 0) || !Double.isFinite(price) || !Double.isFinite(mid)) {
      return;
    }
    window.addLast(new Arrival(timeUs, Math.abs(price - mid)));
    while (!window.isEmpty() && window.peekFirst().timeUs() < timeUs - windowUs) {
      window.removeFirst();
    }
  }

  /** Trades currently in the window. */
  public int trades() {
    return window.size();
  }

  /** The fitted curve, or empty when the window does not support one (see the class comment). */
  public Optional<Estimate> estimate() {
    int n = window.size();
    if (n < 2 * minTradesPerLevel) {
      return Optional.empty();
    }
    double[] distances = new double[n];
    int i = 0;
    for (Arrival arrival : window) {
      distances[i++] = arrival.distance();
    }
    Arrays.sort(distances);
    double low = distances[0];
    double high = distances[n - minTradesPerLevel];
    if (!(high > low)) {
      return Optional.empty();
    }
    double seconds = Math.max(1.0, (window.peekLast().timeUs() - window.peekFirst().timeUs()) / 1_000_000.0);
    double step = (high - low) / (levels - 1);
    double sw = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int used = 0;
    for (int k = 0; k < levels; k++) {
      double delta = low + k * step;
      int reached = n - firstAtOrAbove(distances, delta);
      if (reached < minTradesPerLevel) {
        continue;
      }
      double y = Math.log(reached / seconds);
      double w = reached;
      sw += w;
      sx += w * delta;
      sy += w * y;
      sxx += w * delta * delta;
      sxy += w * delta * y;
      used++;
    }
    double denominator = sw * sxx - sx * sx;
    if (used < MIN_LEVELS || !(denominator > 0)) {
      return Optional.empty();
    }
    double slope = (sw * sxy - sx * sy) / denominator;
    double intercept = (sy - slope * sx) / sw;
    if (!(slope < 0) || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
      return Optional.empty();
    }
    return Optional.of(new Estimate(-slope, Math.exp(intercept), n, used));
  }

  /** Index of the first distance ≥ value in the sorted array (a tolerance keeps grid ends on their point). */
  private static int firstAtOrAbove(double[] sorted, double value) {
    double wanted = value - Math.ulp(value) * 4;
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < wanted) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
