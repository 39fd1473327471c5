package dev.tradingsystem.app.backtest.performance;

import java.util.Arrays;

/** An equity curve: equity in quote currency at event times (microseconds), in time order. */
public final class EquitySeries {

  private long[] times = new long[256];
  private double[] values = new double[256];
  private int size;

  /** Appends a point; a point at the same time as the last one replaces it. */
  public void add(long timeUs, double equity) {
    if (size > 0 && timeUs < times[size - 1]) {
      throw new IllegalArgumentException("equity points must come in time order: " + timeUs + " < " + times[size - 1]);
    }
    if (size > 0 && timeUs == times[size - 1]) {
      values[size - 1] = equity;
      return;
    }
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    times[size] = timeUs;
    values[size] = equity;
    size++;
  }

  /** A series from parallel arrays (tests and tables). */
  public static EquitySeries of(long[] timesUs, double[] equity) {
    EquitySeries series = new EquitySeries();
    for (int i = 0; i < timesUs.length; i++) {
      series.add(timesUs[i], equity[i]);
    }
    return series;
  }

  public int size() {
    return size;
  }

  public long time(int i) {
    return times[i];
  }

  public double equity(int i) {
    return values[i];
  }

  /** Equity at the last point at or before {@code timeUs} (the first point before the series starts). */
  public double equityAt(long timeUs) {
    int i = Arrays.binarySearch(times, 0, size, timeUs);
    if (i >= 0) {
      return values[i];
    }
    int before = -i - 2;
    return values[Math.max(0, before)];
  }

  /** Returns per period: equity sampled at each period boundary from the first point, r = E(t)/E(t-1) - 1. */
  public double[] periodReturns(long periodUs) {
    if (size < 2) {
      return new double[0];
    }
    long start = times[0];
    long end = times[size - 1];
    int periods = (int) Math.min(Integer.MAX_VALUE - 1, (end - start + periodUs - 1) / periodUs);
    double[] returns = new double[periods];
    double previous = values[0];
    for (int p = 1; p <= periods; p++) {
      double current = equityAt(Math.min(end, start + p * periodUs));
      returns[p - 1] = previous == 0 ? 0 : current / previous - 1;
      previous = current;
    }
    return returns;
  }

  /** At most {@code points} points for a chart: every k-th point, the last one always kept. */
  public EquitySeries downsample(int points) {
    if (size <= points) {
      return this;
    }
    EquitySeries out = new EquitySeries();
    int step = (size + points - 1) / points;
    for (int i = 0; i < size; i += step) {
      out.add(times[i], values[i]);
    }
    out.add(times[size - 1], values[size - 1]);
    return out;
  }
}
