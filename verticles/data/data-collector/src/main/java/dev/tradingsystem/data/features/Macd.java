package dev.tradingsystem.data.features;

/**
 * Moving average convergence/divergence: the line is EMA(fast) - EMA(slow) of the input, the
 * signal an EMA of the line, the histogram line minus signal. All three EMAs are seeded with their
 * first input (as {@link Ema} and ta4j's {@code EMAIndicator} are), so values exist from the first update.
 */
public final class Macd {

  private final Ema fast;
  private final Ema slow;
  private final Ema signal;

  public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
    if (slowPeriod <= fastPeriod) {
      throw new IllegalArgumentException("MACD slow period " + slowPeriod + " must exceed fast " + fastPeriod);
    }
    this.fast = new Ema(fastPeriod);
    this.slow = new Ema(slowPeriod);
    this.signal = new Ema(signalPeriod);
  }

  public void update(double x) {
    fast.update(x);
    slow.update(x);
    signal.update(line());
  }

  public double line() {
    return fast.value() - slow.value();
  }

  public double signal() {
    return signal.value();
  }

  public double histogram() {
    return line() - signal.value();
  }

  /** The fast EMA, shared so a caller that also reports it does not keep a second copy. */
  public double fastEma() {
    return fast.value();
  }

  public double slowEma() {
    return slow.value();
  }
}
