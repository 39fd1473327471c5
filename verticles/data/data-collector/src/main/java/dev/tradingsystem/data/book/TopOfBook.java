package dev.tradingsystem.data.book;

/**
 * A one-level book from a best bid/offer stream (Binance bookTicker), so that quote-only data
 * feeds the same book features as a full L2 book. Mutable and reused: no allocation per quote.
 */
public final class TopOfBook implements BookView {

  private long bidPrice;
  private long bidSize;
  private long askPrice;
  private long askSize;

  /** Replaces the top of book; a side with a non-positive price or size counts as empty. */
  public void update(long bidPrice, long bidSize, long askPrice, long askSize) {
    this.bidPrice = bidPrice;
    this.bidSize = bidSize;
    this.askPrice = askPrice;
    this.askSize = askSize;
  }

  @Override
  public int bidDepth() {
    return bidPrice > 0 && bidSize > 0 ? 1 : 0;
  }

  @Override
  public int askDepth() {
    return askPrice > 0 && askSize > 0 ? 1 : 0;
  }

  @Override
  public long bidPrice(int level) {
    check(level, bidDepth());
    return bidPrice;
  }

  @Override
  public long bidSize(int level) {
    check(level, bidDepth());
    return bidSize;
  }

  @Override
  public long askPrice(int level) {
    check(level, askDepth());
    return askPrice;
  }

  @Override
  public long askSize(int level) {
    check(level, askDepth());
    return askSize;
  }

  private static void check(int level, int depth) {
    if (level < 0 || level >= depth) {
      throw new IndexOutOfBoundsException("level " + level + " of " + depth);
    }
  }
}
