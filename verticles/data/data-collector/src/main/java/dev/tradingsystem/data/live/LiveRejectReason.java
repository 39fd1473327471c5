package dev.tradingsystem.data.live;

/**
 * Why a live frame was refused. The code is the {@code reason} label of
 * {@code trading_data_rejected_total} and the dead letter's reason, so it must stay stable.
 */
public enum LiveRejectReason {
  /** Not JSON, or JSON without the fields the venue's format promises. */
  MALFORMED_FRAME("malformed_frame"),
  /** A stream or product this feed did not subscribe to. */
  UNKNOWN_SYMBOL("unknown_symbol"),
  /** A number field that is not a decimal number. */
  UNPARSEABLE("unparseable"),
  /** More decimals than the instrument's scale: refused rather than silently rounded. */
  EXCESS_PRECISION("excess_precision"),
  NON_POSITIVE_PRICE("non_positive_price"),
  /** A negative size (a book size of zero is legal: it removes the level). */
  NEGATIVE_SIZE("negative_size"),
  /** A trade of size zero. */
  NON_POSITIVE_SIZE("non_positive_size"),
  /** The venue itself reported an error on the stream (bad subscription, throttling). */
  VENUE_ERROR("venue_error");

  private final String code;

  LiveRejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
