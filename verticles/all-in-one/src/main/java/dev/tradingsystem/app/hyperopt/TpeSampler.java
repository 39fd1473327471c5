package dev.tradingsystem.app.hyperopt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011; Optuna's default sampler), seeded so a
 * search is repeatable. The first {@code startupTrials} points are uniform on the grid; after that
 * the observations are split at the γ quantile of their losses, ⌈0.25 n⌉ capped at 25 (the
 * original hyperopt rule), into "good" and "bad", a {@link ParzenEstimator} per axis is fitted to
 * each side ({@code l(x)} and {@code g(x)}), {@value #CANDIDATES} candidates are drawn from
 * {@code l} and the one with the largest {@code l(x)/g(x)} is proposed. Axes are modelled
 * independently, as Optuna does by default.
 *
 * <p>Parallel trials ask for several points from the same history ({@link #ask(int)}); telling the
 * results back in the order they were asked keeps the search deterministic for a given seed and
 * batch size. Not thread-safe.
 */
public final class TpeSampler {

  /** Candidates drawn from l(x) per proposal (Optuna's {@code n_ei_candidates}). */
  public static final int CANDIDATES = 24;
  /** Most observations counted as good, however many there are. */
  public static final int MAX_GOOD = 25;
  /** Share of observations counted as good. */
  public static final double GAMMA = 0.25;

  private final List<SearchDimension> axes;
  private final SplittableRandom random;
  private final int startupTrials;
  private final List<double[]> points = new ArrayList<>();
  private final List<Double> losses = new ArrayList<>();

  /**
   * @param axes          the search space, at least one axis
   * @param seed          the whole sequence of proposals follows from it
   * @param startupTrials random proposals before TPE starts (at least 2 observations are needed anyway)
   */
  public TpeSampler(List<SearchDimension> axes, long seed, int startupTrials) {
    if (axes.isEmpty()) {
      throw new IllegalArgumentException("a search needs at least one dimension");
    }
    this.axes = List.copyOf(axes);
    this.random = new SplittableRandom(seed);
    this.startupTrials = startupTrials;
  }

  /** Random trials before TPE for a search of {@code epochs}: Optuna's 10, fewer for short searches. */
  public static int startupTrials(int epochs) {
    return Math.min(10, Math.max(2, epochs / 3));
  }

  /** Observations counted as good out of {@code n}: ⌈γ n⌉, at least 1, at most {@value #MAX_GOOD}. */
  public static int goodCount(int n) {
    return Math.min(MAX_GOOD, Math.max(1, (int) Math.ceil(GAMMA * n)));
  }

  /** The next {@code count} points, all from the history told so far; values in axis order. */
  public List<double[]> ask(int count) {
    List<double[]> proposals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean startup = points.size() + i < startupTrials || points.size() < 2;
      proposals.add(startup ? uniform() : proposeFromHistory());
    }
    return proposals;
  }

  /** One observation; a non-finite loss counts as the worst possible. */
  public void tell(double[] point, double loss) {
    if (point.length != axes.size()) {
      throw new IllegalArgumentException("expected " + axes.size() + " values, got " + point.length);
    }
    points.add(point.clone());
    losses.add(Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss);
  }

  /** Observations told so far. */
  public int observations() {
    return points.size();
  }

  private double[] uniform() {
    double[] point = new double[axes.size()];
    for (int d = 0; d < axes.size(); d++) {
      SearchDimension axis = axes.get(d);
      point[d] = axis.gridPoint(random.nextLong(axis.gridSize()));
    }
    return point;
  }

  private double[] proposeFromHistory() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      order.add(i);
    }
    // Ties keep the order of observation, so the split never depends on the sort's stability.
    order.sort(Comparator.<Integer>comparingDouble(losses::get).thenComparingInt(i -> i));
    int good = goodCount(points.size());
    List<ParzenEstimator> below = new ArrayList<>();
    List<ParzenEstimator> above = new ArrayList<>();
    for (int d = 0; d < axes.size(); d++) {
      below.add(new ParzenEstimator(axes.get(d), column(order.subList(0, good), d)));
      above.add(new ParzenEstimator(axes.get(d), column(order.subList(good, order.size()), d)));
    }
    double[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < CANDIDATES; c++) {
      double[] candidate = new double[axes.size()];
      double score = 0;
      for (int d = 0; d < axes.size(); d++) {
        candidate[d] = below.get(d).sample(random);
        score += below.get(d).logDensity(candidate[d]) - above.get(d).logDensity(candidate[d]);
      }
      if (best == null || score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  private double[] column(List<Integer> rows, int axis) {
    double[] values = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      values[i] = points.get(rows.get(i))[axis];
    }
    return values;
  }
}
