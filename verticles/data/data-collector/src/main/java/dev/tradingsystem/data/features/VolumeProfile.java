package dev.tradingsystem.data.features;

import java.util.Arrays;

/**
 * Volume by price over the last {@code window} trades: the point of control (the price bin with
 * the most volume) and the value area (the contiguous bins around it holding {@code valueAreaShare}
 * of the volume, grown one bin at a time toward the heavier neighbour, as in Market Profile).
 *
 * <p>Bins are fixed in log-price: bin {@code b} covers {@code [e^(b*s), e^((b+1)*s))} with
 * {@code s = ln(1 + binBps/10^4)}, so one setting suits any instrument and bins never move.
 * Volumes are {@code long} size units, so adding a trade and later removing it leaves no rounding.
 * The bins live in an array of {@code maxBins} slots anchored near the current price; when a
 * trade falls outside, the anchor moves and the slots are rebuilt from the trades in the window
 * (rare: it takes a move of {@code maxBins/2} bins). A window spanning more than {@code maxBins}
 * bins piles its extremes into the edge bins.
 *
 * <p>{@link #update} is O(1) and allocation-free; {@link #compute()} scans only the bins the window
 * occupies (tens for the defaults), not the trades.
 */
public final class VolumeProfile {

  private final double step;
  private final double valueAreaShare;
  private final long[] tradeBins;
  private final long[] tradeSizes;
  private final long[] volumes;
  private int next;
  private int count;
  private long anchor = Long.MIN_VALUE;
  private int lowSlot = Integer.MAX_VALUE;
  private int highSlot = -1;
  private long total;
  private double pointOfControl;
  private double valueAreaLow;
  private double valueAreaHigh;

  public VolumeProfile(int window, double binBps, int maxBins, double valueAreaShare) {
    if (window < 1 || maxBins < 2 || !(binBps > 0) || !(valueAreaShare > 0 && valueAreaShare <= 1)) {
      throw new IllegalArgumentException("volume profile needs window >= 1, maxBins >= 2, binBps > 0 and share in (0, 1], got "
          + window + ", " + maxBins + ", " + binBps + ", " + valueAreaShare);
    }
    this.step = Math.log1p(binBps / 10_000.0);
    this.valueAreaShare = valueAreaShare;
    this.tradeBins = new long[window];
    this.tradeSizes = new long[window];
    this.volumes = new long[maxBins];
  }

  /**
   * @param price a positive price
   * @param size size units, &gt;= 0
   */
  public void update(double price, long size) {
    long bin = (long) Math.floor(Math.log(price) / step);
    if (count == tradeBins.length) {
      remove(tradeBins[next], tradeSizes[next]);
    } else {
      count++;
    }
    tradeBins[next] = bin;
    tradeSizes[next] = size;
    next = next + 1 == tradeBins.length ? 0 : next + 1;
    if (anchor == Long.MIN_VALUE || bin < anchor || bin >= anchor + volumes.length) {
      reanchor(bin);
    } else {
      add(bin, size);
    }
  }

  /** Recomputes point of control and value area from the current bins; call once per published vector. */
  public void compute() {
    if (total == 0) {
      return;
    }
    int poc = lowSlot;
    for (int slot = lowSlot + 1; slot <= highSlot; slot++) {
      if (volumes[slot] > volumes[poc]) {
        poc = slot;
      }
    }
    double target = valueAreaShare * total;
    long inside = volumes[poc];
    int low = poc;
    int high = poc;
    while (inside < target && (low > lowSlot || high < highSlot)) {
      long below = low > lowSlot ? volumes[low - 1] : -1;
      long above = high < highSlot ? volumes[high + 1] : -1;
      // Ties go up: an arbitrary but fixed rule keeps replays identical.
      if (above >= below) {
        inside += volumes[++high];
      } else {
        inside += volumes[--low];
      }
    }
    pointOfControl = Math.exp((anchor + poc + 0.5) * step);
    valueAreaLow = Math.exp((anchor + low) * step);
    valueAreaHigh = Math.exp((anchor + high + 1) * step);
  }

  /** Geometric centre of the heaviest bin as of the last {@link #compute()}, 0 before any volume. */
  public double pointOfControl() {
    return pointOfControl;
  }

  /** Lower edge of the value area as of the last {@link #compute()}. */
  public double valueAreaLow() {
    return valueAreaLow;
  }

  /** Upper edge of the value area as of the last {@link #compute()}. */
  public double valueAreaHigh() {
    return valueAreaHigh;
  }

  /** Total volume in the window, size units. */
  public long totalVolume() {
    return total;
  }

  private void add(long bin, long size) {
    int slot = slot(bin);
    volumes[slot] += size;
    total += size;
    if (size > 0) {
      lowSlot = Math.min(lowSlot, slot);
      highSlot = Math.max(highSlot, slot);
    }
  }

  private void remove(long bin, long size) {
    int slot = slot(bin);
    volumes[slot] -= size;
    total -= size;
    // Shrink the occupied range past emptied edge bins: amortised O(1), each slot is passed once per fill.
    while (lowSlot <= highSlot && volumes[lowSlot] == 0) {
      lowSlot++;
    }
    while (highSlot >= lowSlot && volumes[highSlot] == 0) {
      highSlot--;
    }
    if (lowSlot > highSlot) {
      lowSlot = Integer.MAX_VALUE;
      highSlot = -1;
    }
  }

  private int slot(long bin) {
    long offset = bin - anchor;
    return (int) Math.max(0, Math.min(volumes.length - 1, offset));
  }

  private void reanchor(long centre) {
    anchor = centre - volumes.length / 2;
    Arrays.fill(volumes, 0);
    total = 0;
    lowSlot = Integer.MAX_VALUE;
    highSlot = -1;
    for (int i = 0; i < count; i++) {
      add(tradeBins[i], tradeSizes[i]);
    }
  }
}
