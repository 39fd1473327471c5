package dev.tradingsystem.data.features;

/**
 * Bollinger bands: the middle band is the SMA over {@code period}, the outer bands sit {@code k}
 * standard deviations away. The deviation is the population one (divisor {@code period}), which
 * is Bollinger's own definition and ta4j's {@code StandardDeviationIndicator}; a sample deviation
 * would widen the bands by {@code sqrt(n/(n-1))} (2.6% at n = 20).
 */
public final class BollingerBands {

  private final Sma sma;
  private final double k;

  public BollingerBands(int period, double k) {
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("Bollinger k must be a positive number, got " + k);
    }
    this.sma = new Sma(period);
    this.k = k;
  }

  public void update(double x) {
    sma.update(x);
  }

  public double middle() {
    return sma.value();
  }

  public double upper() {
    return sma.value() + k * sma.standardDeviation();
  }

  public double lower() {
    return sma.value() - k * sma.standardDeviation();
  }
}
