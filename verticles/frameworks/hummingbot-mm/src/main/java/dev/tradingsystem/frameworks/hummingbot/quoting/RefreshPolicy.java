package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * Hummingbot's order refresh: a resting quote is looked at again only every
 * {@code refreshTicks} ticks, and then replaced only if the price the model now wants is more than
 * {@code toleranceBps} away from it. Replacing on every small move would burn queue priority and
 * risk-gate budget for nothing; never replacing would leave stale quotes to be picked off.
 */
public final class RefreshPolicy {

  private final long refreshTicks;
  private final double toleranceBps;

  public RefreshPolicy(long refreshTicks, double toleranceBps) {
    if (refreshTicks < 1 || toleranceBps < 0 || !Double.isFinite(toleranceBps)) {
      throw new IllegalArgumentException("refresh ticks must be ≥ 1 and tolerance ≥ 0");
    }
    this.refreshTicks = refreshTicks;
    this.toleranceBps = toleranceBps;
  }

  /**
   * Whether a quote placed at {@code quotedSeq} may be reconsidered at {@code seq}: null means it
   * was not quoted by this instance, and a sequence that went backwards (a new replay) resets.
   */
  public boolean due(long seq, Long quotedSeq) {
    return quotedSeq == null || seq < quotedSeq || seq - quotedSeq >= refreshTicks;
  }

  /** True when |desired − working| / working is strictly beyond the tolerance. */
  public boolean moved(long workingPrice, long desiredPrice) {
    if (workingPrice <= 0) {
      return true;
    }
    return Math.abs((double) desiredPrice - workingPrice) * 10_000 > toleranceBps * workingPrice;
  }
}
