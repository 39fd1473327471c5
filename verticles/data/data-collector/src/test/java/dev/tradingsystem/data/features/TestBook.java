package dev.tradingsystem.data.features;

import dev.tradingsystem.data.book.BookView;

/** An array-backed {@link BookView} written as "price@size price@size" strings, best level first. */
final class TestBook implements BookView {

  private final long[][] bids;
  private final long[][] asks;

  private TestBook(long[][] bids, long[][] asks) {
    this.bids = bids;
    this.asks = asks;
  }

  static TestBook of(String bids, String asks) {
    return new TestBook(levels(bids), levels(asks));
  }

  private static long[][] levels(String text) {
    if (text == null || text.isBlank()) {
      return new long[0][];
    }
    String[] parts = text.trim().split("\\s+");
    long[][] levels = new long[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      String[] level = parts[i].split("@");
      levels[i] = new long[] {Long.parseLong(level[0]), Long.parseLong(level[1])};
    }
    return levels;
  }

  @Override
  public int bidDepth() {
    return bids.length;
  }

  @Override
  public int askDepth() {
    return asks.length;
  }

  @Override
  public long bidPrice(int level) {
    return bids[level][0];
  }

  @Override
  public long bidSize(int level) {
    return bids[level][1];
  }

  @Override
  public long askPrice(int level) {
    return asks[level][0];
  }

  @Override
  public long askSize(int level) {
    return asks[level][1];
  }
}
