package dev.tradingsystem.data.features;

/**
 * Order-flow imbalance: EWMA of signed volume over EWMA of volume, in [-1, 1] (+1 all buying).
 * The sign is the aggressor side when the venue reports it; otherwise the Lee-Ready tick test
 * infers it: an uptick is a buy, a downtick a sell, and a trade at the previous price keeps the
 * previous trade's sign (zero-tick rule). Until the first price change the tick test has no
 * sign and such trades count as volume only, pulling the imbalance toward 0.
 */
public final class TradeFlowImbalance {

  private final double alpha;
  private double signedVolume;
  private double volume;
  private double previousPrice = Double.NaN;
  private int tickSign;

  /** @param span EWMA span in trades ({@code alpha = 2 / (span + 1)}) */
  public TradeFlowImbalance(int span) {
    if (span < 1) {
      throw new IllegalArgumentException("span must be >= 1, got " + span);
    }
    this.alpha = 2.0 / (span + 1);
  }

  /**
   * @param price trade price
   * @param size trade size (any consistent unit)
   * @param aggressorSign +1 buyer-initiated, -1 seller-initiated, 0 unknown (use the tick test)
   */
  public void update(double price, double size, int aggressorSign) {
    if (price > previousPrice) {
      tickSign = 1;
    } else if (price < previousPrice) {
      tickSign = -1;
    }
    previousPrice = price;
    int sign = aggressorSign != 0 ? Integer.signum(aggressorSign) : tickSign;
    signedVolume += alpha * (sign * size - signedVolume);
    volume += alpha * (size - volume);
  }

  /** The sign the tick test assigned to the last trade: +1, -1, or 0 before any price change. */
  public int tickSign() {
    return tickSign;
  }

  public double value() {
    return volume > 0 ? Math.max(-1.0, Math.min(1.0, signedVolume / volume)) : 0;
  }
}
