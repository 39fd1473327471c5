package dev.tradingsystem.risk.rules;

/**
 * A reference price for the collar: a quote or book mid, or the last trade (or mark), with the
 * event time it belongs to.
 *
 * @param price       price units of the instrument
 * @param eventTimeUs event time of the market event that set it
 * @param source      {@code mid} or {@code trade}
 */
public record Reference(long price, long eventTimeUs, String source) {

  public static final String MID = "mid";
  public static final String TRADE = "trade";

  /** Age at {@code nowUs}; a reference from the future (another stream ran ahead) is fresh. */
  public long ageUs(long nowUs) {
    return Math.max(0, nowUs - eventTimeUs);
  }
}
