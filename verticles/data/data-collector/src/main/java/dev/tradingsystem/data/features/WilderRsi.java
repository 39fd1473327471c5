package dev.tradingsystem.data.features;

/**
 * Relative strength index with Wilder's smoothing. The first {@code period} price changes are
 * averaged plainly (Wilder's seed); after that each average moves by {@code 1/period}. During
 * warm-up the RSI is computed from the changes seen so far, so a value exists from the second
 * tick; with no movement at all it is a neutral 50.
 */
public final class WilderRsi {

  private final int period;
  private double previous;
  private boolean hasPrevious;
  private int changes;
  private double averageGain;
  private double averageLoss;

  public WilderRsi(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("RSI period must be >= 1, got " + period);
    }
    this.period = period;
  }

  public void update(double price) {
    if (!hasPrevious) {
      previous = price;
      hasPrevious = true;
      return;
    }
    double change = price - previous;
    previous = price;
    double gain = change > 0 ? change : 0;
    double loss = change < 0 ? -change : 0;
    if (changes < period) {
      changes++;
      averageGain += (gain - averageGain) / changes;
      averageLoss += (loss - averageLoss) / changes;
    } else {
      averageGain = (averageGain * (period - 1) + gain) / period;
      averageLoss = (averageLoss * (period - 1) + loss) / period;
    }
  }

  /** RSI in [0, 100]. */
  public double value() {
    if (averageLoss == 0) {
      return averageGain == 0 ? 50.0 : 100.0;
    }
    return 100.0 - 100.0 / (1.0 + averageGain / averageLoss);
  }
}
