package dev.tradingsystem.agents.lagllama;

/**
 * The most recent candle log returns of one symbol, oldest first: the context a time-series
 * foundation model forecasts from. Fed from closed candles; a candle not newer than the last one
 * (redelivery, replay overlap) is ignored so no return is counted twice.
 */
final class ContextWindow {

  private final double[] returns;
  private final long[] openTimesUs;
  private int next;
  private int size;
  private long count;
  private long lastOpenTimeUs = Long.MIN_VALUE;
  private double lastLogClose = Double.NaN;
  private int intervalSec;

  ContextWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.returns = new double[capacity];
    this.openTimesUs = new long[capacity];
  }

  /**
   * Advances on a closed candle.
   *
   * @return whether a new return entered the window
   */
  boolean observe(long openTimeUs, long close, int candleIntervalSec) {
    if (openTimeUs <= lastOpenTimeUs || close <= 0) {
      return false;
    }
    lastOpenTimeUs = openTimeUs;
    intervalSec = candleIntervalSec;
    double logClose = Math.log(close);
    double previous = lastLogClose;
    lastLogClose = logClose;
    if (Double.isNaN(previous)) {
      return false;
    }
    returns[next] = logClose - previous;
    openTimesUs[next] = openTimeUs;
    next = (next + 1) % returns.length;
    size = Math.min(size + 1, returns.length);
    count++;
    return true;
  }

  boolean full() {
    return size == returns.length;
  }

  int size() {
    return size;
  }

  int capacity() {
    return returns.length;
  }

  /** Returns observed since the start, also those that left the window. */
  long count() {
    return count;
  }

  /** Log of the last close; NaN before the first candle. */
  double logClose() {
    return lastLogClose;
  }

  /** Length of the candles seen last, in seconds. */
  int intervalSec() {
    return intervalSec;
  }

  /** The returns in the window, oldest first. */
  double[] returns() {
    double[] ordered = new double[size];
    int oldest = (next - size + returns.length) % returns.length;
    for (int i = 0; i < size; i++) {
      ordered[i] = returns[(oldest + i) % returns.length];
    }
    return ordered;
  }

  /** Open time of the last candle observed. */
  long lastOpenTimeUs() {
    return lastOpenTimeUs;
  }

  /** Open time of the candle whose close ended the oldest return in the window. */
  long firstOpenTimeUs() {
    return openTimesUs[(next - size + returns.length) % returns.length];
  }
}
