package dev.tradingsystem.risk.monitor;

import dev.tradingsystem.shared.math.NormalDistribution;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Value at risk of the account over one horizon, from the last {@code window} equity returns:
 * equity is sampled at most once per {@code horizonUs} of event time and each sample's return to
 * the previous one is kept. Historical VaR is the empirical quantile (the k-th worst return,
 * k = ceil((1 - confidence) * n)); parametric VaR assumes normal returns with the sample mean and
 * standard deviation. Both are returned as positive losses (0 when the quantile is a gain).
 */
public final class ValueAtRisk {

  private final int window;
  private final long horizonUs;
  private final double confidence;
  private final Deque<Double> returns = new ArrayDeque<>();
  private boolean sampled;
  private long lastSampleUs;
  private long lastSampleEquity;
  private double historicalLoss;
  private double parametricLoss;

  public ValueAtRisk(int window, long horizonUs, double confidence) {
    if (window < 2 || horizonUs <= 0 || !(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("window >= 2, horizon > 0 and confidence in (0.5, 1) are required");
    }
    this.window = window;
    this.horizonUs = horizonUs;
    this.confidence = confidence;
  }

  /** An equity observation; returns true when it added a return (the VaR figures were recomputed). */
  public boolean observe(long eventTimeUs, long equityMicros) {
    if (!sampled) {
      sampled = true;
      lastSampleUs = eventTimeUs;
      lastSampleEquity = equityMicros;
      return false;
    }
    if (eventTimeUs - lastSampleUs < horizonUs) {
      return false;
    }
    boolean added = false;
    if (lastSampleEquity > 0 && equityMicros > 0) {
      returns.addLast(equityMicros / (double) lastSampleEquity - 1);
      if (returns.size() > window) {
        returns.removeFirst();
      }
      double[] sample = returns.stream().mapToDouble(Double::doubleValue).toArray();
      historicalLoss = historicalLossReturn(sample, confidence);
      parametricLoss = parametricLossReturn(sample, confidence);
      added = true;
    }
    lastSampleUs = eventTimeUs;
    lastSampleEquity = equityMicros;
    return added;
  }

  /** The loss, as a positive fraction of value, exceeded by only {@code 1 - confidence} of the returns. */
  public static double historicalLossReturn(double[] returns, double confidence) {
    if (returns.length == 0) {
      return 0;
    }
    double[] sorted = returns.clone();
    Arrays.sort(sorted);
    // The epsilon keeps 0.01 * 100 at 1, not at the 2 that binary rounding would make of it.
    int k = (int) Math.ceil((1 - confidence) * sorted.length - 1e-9);
    k = Math.max(1, Math.min(sorted.length, k));
    return Math.max(0, -sorted[k - 1]);
  }

  /** {@code -(mean + z(1 - confidence) * sd)} of the returns, 0 when that is a gain or with fewer than two returns. */
  public static double parametricLossReturn(double[] returns, double confidence) {
    int n = returns.length;
    if (n < 2) {
      return 0;
    }
    double mean = Arrays.stream(returns).average().orElse(0);
    double squares = 0;
    for (double r : returns) {
      squares += (r - mean) * (r - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    return Math.max(0, -(mean + NormalDistribution.quantile(1 - confidence) * sd));
  }

  /** Historical VaR of {@code equityMicros}, micros. */
  public long historicalMicros(long equityMicros) {
    return Math.round(historicalLoss * Math.max(0, equityMicros));
  }

  /** Parametric VaR of {@code equityMicros}, micros. */
  public long parametricMicros(long equityMicros) {
    return Math.round(parametricLoss * Math.max(0, equityMicros));
  }

  public int returnsHeld() {
    return returns.size();
  }

  public double confidence() {
    return confidence;
  }
}
