package dev.tradingsystem.data.book;

/** What an order book did with one snapshot or delta. */
public enum BookUpdate {
  /** Applied, and the book is consistent: the update may be published. */
  APPLIED,
  /** Kept until a snapshot arrives (Binance: diffs stream before the REST snapshot is fetched). */
  BUFFERED,
  /** Already contained in the snapshot the book was built from: dropped, as the venue prescribes. */
  SKIPPED,
  /** Refused: the book has an issue (see {@link OrderBook#lastIssue()}) and waits for a snapshot or dropped it. */
  REJECTED
}
