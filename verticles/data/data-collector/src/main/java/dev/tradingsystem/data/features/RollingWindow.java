package dev.tradingsystem.data.features;

/**
 * The last {@code capacity} values in a ring buffer with their running mean and population
 * variance, O(1) per update and allocation-free.
 *
 * <p>Running sums of a rolling window drift: each add/remove pair leaves a rounding error that
 * never leaves the sum, and a textbook sum of squares at price level ~1e3 cancels catastrophically
 * when the spread is ~1e-2. So the mean comes from a Neumaier-compensated sum of values shifted by
 * a reference near the window's mean, the spread from Welford's sliding update of the sum of
 * squared deviations (whose rounding scales with the spread, not the price level), and every
 * {@code capacity} updates both are rebuilt exactly from the buffer around a fresh reference
 * (O(capacity) once per capacity updates: amortised O(1)), so no error outlives a window.
 * A window of identical values (a quiet tape, gap-filled flat candles) reports exactly that value
 * and exactly zero variance: there the square root would magnify a 1e-15 residue to 3e-8.
 */
public final class RollingWindow {

  private final double[] values;
  private int next;
  private int count;
  private int sinceRebuild;
  private double shift;
  private boolean shifted;
  private double sum;
  private double compensation;
  private double squaredDeviations;
  private int equalRun;

  public RollingWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + capacity);
    }
    this.values = new double[capacity];
  }

  public void update(double x) {
    if (!shifted) {
      shift = x;
      shifted = true;
    }
    double oldMean = runningMean();
    if (count == values.length) {
      double old = values[next];
      addToSum(x - old);
      double newMean = runningMean();
      squaredDeviations += (x - old) * (x - newMean + old - oldMean);
    } else {
      count++;
      addToSum(x - shift);
      squaredDeviations += (x - oldMean) * (x - runningMean());
    }
    equalRun = count > 1 && x == get(0) ? equalRun + 1 : 1;
    values[next] = x;
    next = next + 1 == values.length ? 0 : next + 1;
    if (++sinceRebuild >= values.length) {
      rebuild();
    }
  }

  /** Values currently held: grows to the capacity, then stays there. */
  public int count() {
    return count;
  }

  public boolean full() {
    return count == values.length;
  }

  public int capacity() {
    return values.length;
  }

  /** Mean of the values held (over fewer than capacity during warm-up), 0 when empty. */
  public double mean() {
    if (count == 0) {
      return 0;
    }
    return equalRun >= count ? get(0) : shift + (sum + compensation) / count;
  }

  /** Population variance (divisor = values held), 0 with fewer than two values. */
  public double populationVariance() {
    return count < 2 || equalRun >= count ? 0 : Math.max(0, squaredDeviations) / count;
  }

  public double populationStdDev() {
    return Math.sqrt(populationVariance());
  }

  /** The value {@code age} updates ago (0 = newest); {@code age} must be below {@link #count()}. */
  public double get(int age) {
    if (age < 0 || age >= count) {
      throw new IndexOutOfBoundsException("age " + age + " outside [0, " + count + ")");
    }
    int index = next - 1 - age;
    return values[index < 0 ? index + values.length : index];
  }

  private void rebuild() {
    sinceRebuild = 0;
    double total = 0;
    for (int i = 0; i < count; i++) {
      total += values[i];
    }
    shift = total / count;
    sum = 0;
    compensation = 0;
    for (int i = 0; i < count; i++) {
      addToSum(values[i] - shift);
    }
    double mean = runningMean();
    squaredDeviations = 0;
    for (int i = 0; i < count; i++) {
      double d = values[i] - mean;
      squaredDeviations += d * d;
    }
  }

  private double runningMean() {
    return count == 0 ? 0 : shift + (sum + compensation) / count;
  }

  // Neumaier's variant of Kahan summation: also exact when the addend is larger than the sum.
  private void addToSum(double x) {
    double t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
}
