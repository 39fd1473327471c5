package dev.tradingsystem.data.book;

import java.util.Arrays;

/**
 * One side of an L2 book as two parallel sorted arrays of fixed-point prices and sizes, best
 * first. Arrays rather than a tree map: books hold at most a few thousand levels, updates cluster
 * near the top, and reading level {@code i} must be O(1) and allocation-free for {@link BookView}.
 * The arrays only allocate when they grow.
 */
final class BookSide {

  private final boolean descending;
  private long[] prices = new long[64];
  private long[] sizes = new long[64];
  private int depth;

  BookSide(boolean descending) {
    this.descending = descending;
  }

  int depth() {
    return depth;
  }

  long price(int level) {
    checkLevel(level);
    return prices[level];
  }

  long size(int level) {
    checkLevel(level);
    return sizes[level];
  }

  void clear() {
    depth = 0;
  }

  /** Sets the size at a price; size 0 removes the level (removing an absent level is a no-op, as on Binance). */
  void set(long price, long size) {
    int index = find(price);
    if (index >= 0) {
      if (size == 0) {
        System.arraycopy(prices, index + 1, prices, index, depth - index - 1);
        System.arraycopy(sizes, index + 1, sizes, index, depth - index - 1);
        depth--;
      } else {
        sizes[index] = size;
      }
      return;
    }
    if (size == 0) {
      return;
    }
    int insertAt = -index - 1;
    if (depth == prices.length) {
      prices = Arrays.copyOf(prices, depth * 2);
      sizes = Arrays.copyOf(sizes, depth * 2);
    }
    System.arraycopy(prices, insertAt, prices, insertAt + 1, depth - insertAt);
    System.arraycopy(sizes, insertAt, sizes, insertAt + 1, depth - insertAt);
    prices[insertAt] = price;
    sizes[insertAt] = size;
    depth++;
  }

  /** Binary search in best-first order: the index, or {@code -(insertion point) - 1}. */
  private int find(long price) {
    int low = 0;
    int high = depth - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long p = prices[mid];
      boolean before = descending ? p > price : p < price;
      if (p == price) {
        return mid;
      } else if (before) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return -(low + 1);
  }

  private void checkLevel(int level) {
    if (level < 0 || level >= depth) {
      throw new IndexOutOfBoundsException("level " + level + " of " + depth);
    }
  }
}
