package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * How the risk alerts in force want a symbol quoted.
 *
 * @param pull         true: no quotes at all, every resting one is cancelled
 * @param spreadFactor multiplier of every spread (≥ 1); 1 quotes as configured
 * @param reason       the alert codes behind it, for intent reasons and logs ("" when normal)
 */
public record MarketStance(boolean pull, double spreadFactor, String reason) {

  /** No alert in force. */
  public static final MarketStance NORMAL = new MarketStance(false, 1.0, "");

  public MarketStance {
    if (!(spreadFactor >= 1) || !Double.isFinite(spreadFactor)) {
      throw new IllegalArgumentException("spread factor must be ≥ 1, got " + spreadFactor);
    }
  }
}
