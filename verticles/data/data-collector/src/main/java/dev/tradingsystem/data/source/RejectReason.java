package dev.tradingsystem.data.source;

/**
 * Why a market-data row was refused at the boundary. The code is the {@code reason} label of
 * {@code trading_data_rejected_total} and the {@code reason} of the dead letter, so it must stay
 * stable: dashboards and alerts name it.
 */
public enum RejectReason {
  /** The row has more or fewer fields than the header. */
  FIELD_COUNT("field_count"),
  /** The symbol column names another instrument than the one being replayed. */
  UNKNOWN_SYMBOL("unknown_symbol"),
  /** A number that is not a number: text, an empty field, an out-of-range value. */
  UNPARSEABLE("unparseable"),
  /** NaN or an infinity where a price, size or time is expected. */
  NOT_FINITE("not_finite"),
  /** Zero, negative or before-epoch event time. */
  INVALID_TIMESTAMP("invalid_timestamp"),
  NON_POSITIVE_PRICE("non_positive_price"),
  NON_POSITIVE_SIZE("non_positive_size"),
  /** More decimals than the instrument's scale: refused rather than silently rounded. */
  EXCESS_PRECISION("excess_precision"),
  /** A side column value that is neither buy nor sell. */
  UNKNOWN_SIDE("unknown_side"),
  /** Event time earlier than the last accepted trade's. */
  OUT_OF_ORDER("out_of_order"),
  /** Price further from the last accepted price than the configured jump allows. */
  ABSURD_PRICE("absurd_price"),
  /** The same trade id (or quote update id, or candle open time) as one already accepted. */
  DUPLICATE("duplicate"),
  /** A quote whose bid is at or above its ask: it could not have been quoted. */
  CROSSED_QUOTE("crossed_quote"),
  /** A candle whose high is below its open, close or low, or whose low is above them. */
  INCONSISTENT_CANDLE("inconsistent_candle"),
  /** A record of a kind the format does not define (an unknown stream, not JSON, a missing field). */
  UNKNOWN_RECORD("unknown_record");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The stable snake_case code used in metrics, dead letters and stats. */
  public String code() {
    return code;
  }
}
