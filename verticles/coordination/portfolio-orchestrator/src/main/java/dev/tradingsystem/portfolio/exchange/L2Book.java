package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.Side;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The displayed L2 book of one symbol as the paper venue sees it: price to size per side, best
 * first. It reports every level whose size changes, so the queue model can move the orders
 * resting there. Sequencing is checked before an update gets here ({@link BookSequencer}); this
 * class only applies and, after each update, refuses a crossed or locked book.
 *
 * <p>Our own fills take size off the displayed levels ({@link #take}) until the feed next sets
 * that level: the recorded feed never learns about our trades, so this is the most it can know.
 * A print removes the levels it traded through ({@link #trimThrough}): depth diffs come in
 * batches (Binance: every 100 ms) and lag the tape in a fast market (a sweep prints hundreds of
 * trades in one millisecond while the last diff still shows the levels it took), and a level the
 * tape has gone through is not there to cross or queue behind. The price of this: a print that
 * arrives late, after the book has moved back past it, removes real levels until the feed next
 * sets them, which at the touch is the next diff.
 */
final class L2Book {

  /** A level's displayed size changed: {@code side} BUY for bids, SELL for asks. */
  interface LevelListener {
    void levelChanged(Side side, long price, long before, long after);
  }

  private final NavigableMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<Long, Long> asks = new TreeMap<>();
  private boolean synced;

  boolean synced() {
    return synced;
  }

  /**
   * Replaces the book with a snapshot; every level that differs from before is reported.
   *
   * @return false when the snapshot is crossed or locked (the book is then cleared and unsynced)
   */
  boolean replace(List<BookLevel> bidLevels, List<BookLevel> askLevels, LevelListener listener) {
    replaceSide(Side.BUY, bids, bidLevels, listener);
    replaceSide(Side.SELL, asks, askLevels, listener);
    synced = true;
    return checkUncrossed();
  }

  /**
   * Applies a delta: a level with size 0 is removed.
   *
   * @return false when the result is crossed or locked (the book is then cleared and unsynced)
   */
  boolean update(List<BookLevel> bidLevels, List<BookLevel> askLevels, LevelListener listener) {
    for (BookLevel level : bidLevels) {
      set(Side.BUY, bids, level.getPrice(), level.getSize(), listener);
    }
    for (BookLevel level : askLevels) {
      set(Side.SELL, asks, level.getPrice(), level.getSize(), listener);
    }
    return checkUncrossed();
  }

  /** Forgets the book (a gap in the feed): nothing it shows can be trusted until the next snapshot. */
  void reset() {
    bids.clear();
    asks.clear();
    synced = false;
  }

  /** Displayed size at a price on one side, 0 when no level. */
  long size(Side side, long price) {
    return levels(side).getOrDefault(price, 0L);
  }

  /** Best price of a side, 0 when the side is empty. */
  long best(Side side) {
    NavigableMap<Long, Long> levels = levels(side);
    return levels.isEmpty() ? 0 : levels.firstKey();
  }

  /** The levels of a side, best first (read-only view). */
  NavigableMap<Long, Long> levels(Side side) {
    return Collections.unmodifiableNavigableMap(side == Side.BUY ? bids : asks);
  }

  /**
   * Removes what a print at {@code price} proves is gone: bids above it and offers below it (a
   * trade happens at the touch of an uncrossed book). Each removed level is reported.
   */
  void trimThrough(long price, LevelListener listener) {
    trim(Side.BUY, bids.headMap(price, false), listener);
    trim(Side.SELL, asks.headMap(price, false), listener);
  }

  private static void trim(Side side, NavigableMap<Long, Long> beyond, LevelListener listener) {
    if (beyond.isEmpty()) {
      return;
    }
    Map<Long, Long> removed = new TreeMap<>(beyond);
    beyond.clear();
    removed.forEach((level, size) -> listener.levelChanged(side, level, size, 0));
  }

  /** Takes up to {@code quantity} off a level (our own fill); returns what was there to take. */
  long take(Side side, long price, long quantity) {
    NavigableMap<Long, Long> levels = side == Side.BUY ? bids : asks;
    long displayed = levels.getOrDefault(price, 0L);
    long taken = Math.min(displayed, quantity);
    if (displayed - taken == 0) {
      levels.remove(price);
    } else {
      levels.put(price, displayed - taken);
    }
    return taken;
  }

  private void replaceSide(Side side, NavigableMap<Long, Long> levels, List<BookLevel> fresh, LevelListener listener) {
    Map<Long, Long> before = new TreeMap<>(levels);
    levels.clear();
    for (BookLevel level : fresh) {
      if (level.getSize() > 0) {
        levels.put(level.getPrice(), level.getSize());
      }
    }
    TreeSet<Long> prices = new TreeSet<>(before.keySet());
    prices.addAll(levels.keySet());
    for (long price : prices) {
      long was = before.getOrDefault(price, 0L);
      long now = levels.getOrDefault(price, 0L);
      if (was != now) {
        listener.levelChanged(side, price, was, now);
      }
    }
  }

  private static void set(Side side, NavigableMap<Long, Long> levels, long price, long size, LevelListener listener) {
    long was = levels.getOrDefault(price, 0L);
    if (size == 0) {
      levels.remove(price);
    } else {
      levels.put(price, size);
    }
    if (was != size) {
      listener.levelChanged(side, price, was, size);
    }
  }

  private boolean checkUncrossed() {
    if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey()) {
      reset();
      return false;
    }
    return true;
  }
}
