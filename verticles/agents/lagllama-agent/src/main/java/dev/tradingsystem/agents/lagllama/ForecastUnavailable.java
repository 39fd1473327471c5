package dev.tradingsystem.agents.lagllama;

/**
 * No forecast can be given for a symbol yet: it has had no candle, or too few to warm up.
 *
 * @see ForecastModel#snapshot(String, int)
 */
public final class ForecastUnavailable extends RuntimeException {

  /** The symbol has had no closed candle. */
  public static final String NO_CANDLES = "no_candles";
  /** Fewer candle returns than the warm-up needs. */
  public static final String WARMING_UP = "warming_up";

  private final String reason;

  ForecastUnavailable(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** {@link #NO_CANDLES} or {@link #WARMING_UP}. */
  public String reason() {
    return reason;
  }
}
