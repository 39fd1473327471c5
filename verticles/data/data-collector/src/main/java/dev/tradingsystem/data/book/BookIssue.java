package dev.tradingsystem.data.book;

/**
 * Why an order book stopped being trustworthy, or why an update was not applied. The code is the
 * {@code reason} label of {@code trading_data_book_issues_total}, so it must stay stable.
 */
public enum BookIssue {
  /** An update does not continue the sequence of the last applied one: updates were lost. */
  GAP("gap"),
  /** An update older than what the book already holds (a replayed or duplicated message); dropped. */
  STALE("stale"),
  /** Best bid above best ask after an update: impossible on a real venue, so the book is wrong. */
  CROSSED("crossed"),
  /** Best bid equal to best ask: would have matched on the venue, so the book is wrong. */
  LOCKED("locked"),
  /** The venue's checksum of its top levels differs from ours. */
  CHECKSUM_MISMATCH("checksum_mismatch"),
  /** More updates arrived while waiting for a snapshot than the buffer holds; the oldest were dropped. */
  BUFFER_OVERFLOW("buffer_overflow"),
  /** A price or size that is zero or negative where a level needs a positive one. */
  INVALID_LEVEL("invalid_level");

  private final String code;

  BookIssue(String code) {
    this.code = code;
  }

  /** The stable snake_case code used in metrics and stats. */
  public String code() {
    return code;
  }
}
