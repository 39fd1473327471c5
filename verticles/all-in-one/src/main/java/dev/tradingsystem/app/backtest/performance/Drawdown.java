package dev.tradingsystem.app.backtest.performance;

/**
 * The worst fall of an equity curve from a running peak.
 *
 * @param maxDrawdown (peak - trough) / peak at the worst point, a fraction in [0, 1]
 * @param peakTimeUs time of the peak before the worst trough
 * @param troughTimeUs time of the worst trough
 * @param durationUs from that peak until equity regained it, or until the end of the curve when it never did
 */
public record Drawdown(double maxDrawdown, long peakTimeUs, long troughTimeUs, long durationUs) {

  /** The maximum drawdown of a curve; zero for an empty or never-falling one. */
  public static Drawdown of(EquitySeries curve) {
    if (curve.size() == 0) {
      return new Drawdown(0, 0, 0, 0);
    }
    double peak = curve.equity(0);
    long peakTime = curve.time(0);
    double worst = 0;
    long worstPeakTime = peakTime;
    double worstPeak = peak;
    long worstTrough = peakTime;
    for (int i = 0; i < curve.size(); i++) {
      double e = curve.equity(i);
      if (e > peak) {
        peak = e;
        peakTime = curve.time(i);
      } else if (peak > 0 && (peak - e) / peak > worst) {
        worst = (peak - e) / peak;
        worstPeakTime = peakTime;
        worstPeak = peak;
        worstTrough = curve.time(i);
      }
    }
    long recovered = curve.time(curve.size() - 1);
    for (int i = 0; i < curve.size(); i++) {
      if (curve.time(i) > worstTrough && curve.equity(i) >= worstPeak) {
        recovered = curve.time(i);
        break;
      }
    }
    return new Drawdown(worst, worstPeakTime, worstTrough, worst == 0 ? 0 : recovered - worstPeakTime);
  }

  /** The drawdown at every point of a curve, as fractions of the running peak (for charts). */
  public static double[] underwater(EquitySeries curve) {
    double[] out = new double[curve.size()];
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < curve.size(); i++) {
      peak = Math.max(peak, curve.equity(i));
      out[i] = peak > 0 ? (peak - curve.equity(i)) / peak : 0;
    }
    return out;
  }
}
