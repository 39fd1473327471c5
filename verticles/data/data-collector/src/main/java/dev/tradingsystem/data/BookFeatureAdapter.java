package dev.tradingsystem.data;

import dev.tradingsystem.data.book.BookView;

/**
 * Where the collector hands a consistent book (or a quote's top of book) to the feature engine,
 * so book features (best bid/ask, mid, microprice, imbalance) follow the book. One seam, so that
 * the engine's book entry point is connected in exactly one place ({@link ReplayPublisher}).
 */
@FunctionalInterface
interface BookFeatureAdapter {

  /** The book changed at {@code eventTimeUs}; the view is only valid during the call. */
  void onBook(BookView book, long eventTimeUs);
}
