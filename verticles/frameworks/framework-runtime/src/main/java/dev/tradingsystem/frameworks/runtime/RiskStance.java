package dev.tradingsystem.frameworks.runtime;

/**
 * What a framework may do on one symbol at one tick, given the trading state, the risk alerts in
 * force and the coordinator's size haircut (see {@link RiskWatch}).
 *
 * @param posture    which intents may be sent at all
 * @param sizeFactor multiplier of new exposure (stakes, quote sizes) in (0, 1] while entries are
 *                   allowed; 0 when they are not
 * @param reason     why the stance is not {@link #NORMAL} ({@code "REDUCING"}, {@code "alert STALE_MARKET_DATA"},
 *                   {@code "haircut 0.50"}); empty when it is
 */
public record RiskStance(Posture posture, double sizeFactor, String reason) {

  /** Which intents a stance lets through; each level also allows what the stricter ones do. */
  public enum Posture {
    /** Entries, position increases, exits and cancels. */
    OPEN,
    /** Exits, partial exits and cancels only: nothing that adds exposure (REDUCING, a CRITICAL alert, haircut 1). */
    REDUCE_ONLY,
    /** Cancels only (HALTED): the risk gate refuses every new order, exits included. */
    CANCEL_ONLY
  }

  /** Trade as configured. */
  public static final RiskStance NORMAL = new RiskStance(Posture.OPEN, 1.0, "");

  public RiskStance {
    if (posture == null || reason == null) {
      throw new IllegalArgumentException("posture and reason are required");
    }
    if (!(sizeFactor >= 0 && sizeFactor <= 1)) {
      throw new IllegalArgumentException("size factor must be in [0, 1], got " + sizeFactor);
    }
    if (posture != Posture.OPEN) {
      sizeFactor = 0;
    } else if (sizeFactor == 0) {
      // Opening with nothing is not opening: one spelling for "no new exposure".
      posture = Posture.REDUCE_ONLY;
    }
  }

  /** Whether new exposure (an entry, a DCA add, a quote that increases inventory) may be sent. */
  public boolean entriesAllowed() {
    return posture == Posture.OPEN;
  }

  /** Whether reduce-only orders (exits, partial exits) may be sent. */
  public boolean exitsAllowed() {
    return posture != Posture.CANCEL_ONLY;
  }

  /** Whether this stance changes anything compared to trading as configured. */
  public boolean isNormal() {
    return posture == Posture.OPEN && sizeFactor == 1.0;
  }
}
