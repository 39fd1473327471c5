package dev.tradingsystem.data.book;

/**
 * Read-only view of the top of an L2 order book in fixed point (instrument price and size
 * units), best level first. What feature computations need from a book, without copying it:
 * implementations must not allocate per call.
 */
public interface BookView {

  /** Bid levels available (0 when the side is empty). */
  int bidDepth();

  /** Ask levels available (0 when the side is empty). */
  int askDepth();

  long bidPrice(int level);

  long bidSize(int level);

  long askPrice(int level);

  long askSize(int level);
}
