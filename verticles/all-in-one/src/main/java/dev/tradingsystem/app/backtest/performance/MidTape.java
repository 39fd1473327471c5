package dev.tradingsystem.app.backtest.performance;

import java.util.Arrays;

/**
 * The mids of one symbol as a run published them, in market-event order, for pricing fills
 * against the market after the fact. Each observation carries the sequence number of its market
 * event, its event time, and whether it is a book mid (from a quote or a book) or a last-trade
 * price standing in for one (a feed without a book).
 *
 * <p>Only changes are kept, so a quiet book costs nothing. Event times are kept non-decreasing
 * (an out-of-order time is read as the latest one seen), so the tape can be searched by time.
 * Not thread-safe.
 */
public final class MidTape {

  private long[] seqs = new long[256];
  private long[] times = new long[256];
  private double[] mids = new double[256];
  private boolean[] fromBook = new boolean[256];
  private int size;
  private long lastSeenUs = Long.MIN_VALUE;

  /**
   * One observation; a non-positive or non-finite mid, or one older than the last kept (by
   * sequence), is ignored.
   *
   * @param seq the market event's sequence number
   * @param timeUs its event time
   * @param mid the mid after it, quote currency per base unit
   * @param book true for a book mid, false for a last-trade price
   */
  public void observe(long seq, long timeUs, double mid, boolean book) {
    if (!(mid > 0) || Double.isInfinite(mid) || (size > 0 && seq < seqs[size - 1])) {
      return;
    }
    lastSeenUs = Math.max(lastSeenUs, timeUs);
    if (size > 0 && mids[size - 1] == mid && fromBook[size - 1] == book) {
      return;
    }
    if (size == seqs.length) {
      int capacity = size * 2;
      seqs = Arrays.copyOf(seqs, capacity);
      times = Arrays.copyOf(times, capacity);
      mids = Arrays.copyOf(mids, capacity);
      fromBook = Arrays.copyOf(fromBook, capacity);
    }
    seqs[size] = seq;
    times[size] = size == 0 ? timeUs : Math.max(times[size - 1], timeUs);
    mids[size] = mid;
    fromBook[size] = book;
    size++;
  }

  /**
   * The mid in force just before the market event {@code seq} filled an order: the last mid of an
   * earlier event, or the event's own mid when that is a book mid (a trade does not move the book,
   * so the book after it is the book it traded against, while a last-trade price would be the
   * filling print itself). NaN before the first observation.
   */
  public double midAtFill(long seq) {
    int i = lastAtOrBefore(seq);
    if (i >= 0 && seqs[i] == seq && !fromBook[i]) {
      i--;
    }
    return i < 0 ? Double.NaN : mids[i];
  }

  /**
   * The mid in force at event time {@code timeUs}: the mid after the last observation at or before
   * it. NaN when the tape has not reached that time (the data ended first) or starts after it.
   */
  public double midAt(long timeUs) {
    if (timeUs > lastSeenUs) {
      return Double.NaN;
    }
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= timeUs) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == 0 ? Double.NaN : mids[lo - 1];
  }

  /** The last mid of the run; NaN for an empty tape. */
  public double lastMid() {
    return size == 0 ? Double.NaN : mids[size - 1];
  }

  /** Observations kept (changes only). */
  public int size() {
    return size;
  }

  private int lastAtOrBefore(long seq) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (seqs[mid] <= seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }
}
