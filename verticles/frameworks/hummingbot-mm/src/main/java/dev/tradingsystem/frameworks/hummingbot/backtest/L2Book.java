package dev.tradingsystem.frameworks.hummingbot.backtest;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The venue's L2 book rebuilt from a depth snapshot and its diffs, with Binance's sequencing: diffs
 * that arrive before the snapshot are buffered and replayed after it; a diff whose last update id
 * is not beyond the book's is stale and dropped; the first diff applied must straddle the
 * snapshot's id ({@code U ≤ lastUpdateId + 1 ≤ u}) and each later one continue the previous
 * ({@code U = previous u + 1} on spot, {@code pu = previous u} on futures). A break is counted as a
 * gap and the diff still applied: a backtest reports a gappy capture instead of stopping on it.
 * Prices and sizes are in the instrument's units; a level of size 0 is removed. Not thread-safe.
 */
public final class L2Book {

  private final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Long, Long> asks = new TreeMap<>();
  private final List<BookDelta> early = new ArrayList<>();
  private long lastUpdateId;
  private boolean synced;
  private boolean appliedDiff;
  private long gaps;
  private long stale;

  /** A depth snapshot: the book is replaced and the diffs buffered before it are replayed. */
  public void onSnapshot(BookSnapshot snapshot) {
    bids.clear();
    asks.clear();
    snapshot.getBidsList().forEach(level -> set(bids, level));
    snapshot.getAsksList().forEach(level -> set(asks, level));
    lastUpdateId = snapshot.getLastUpdateId();
    synced = true;
    appliedDiff = false;
    List<BookDelta> buffered = List.copyOf(early);
    early.clear();
    buffered.forEach(this::onDelta);
  }

  /** A depth diff: buffered before the first snapshot, else sequenced and applied. */
  public void onDelta(BookDelta delta) {
    if (!synced) {
      early.add(delta);
      return;
    }
    if (delta.getLastUpdateId() <= lastUpdateId) {
      stale++;
      return;
    }
    boolean continues;
    if (!appliedDiff) {
      continues = delta.getFirstUpdateId() <= lastUpdateId + 1;
    } else if (delta.getPreviousUpdateId() != 0) {
      continues = delta.getPreviousUpdateId() == lastUpdateId;
    } else {
      continues = delta.getFirstUpdateId() == lastUpdateId + 1;
    }
    if (!continues) {
      gaps++;
    }
    delta.getBidsList().forEach(level -> set(bids, level));
    delta.getAsksList().forEach(level -> set(asks, level));
    lastUpdateId = delta.getLastUpdateId();
    appliedDiff = true;
  }

  /** Whether a snapshot arrived and both sides have a level. */
  public boolean ready() {
    return synced && !bids.isEmpty() && !asks.isEmpty();
  }

  /** Best bid in price units, 0 when the side is empty. */
  public long bestBid() {
    return bids.isEmpty() ? 0 : bids.firstKey();
  }

  /** Best ask in price units, 0 when the side is empty. */
  public long bestAsk() {
    return asks.isEmpty() ? 0 : asks.firstKey();
  }

  /** Size resting at a price on a side (BUY = bids), 0 if no level. */
  public long sizeAt(Side side, long price) {
    return (side == Side.BUY ? bids : asks).getOrDefault(price, 0L);
  }

  /** Diffs that did not continue the sequence. */
  public long gaps() {
    return gaps;
  }

  /** Diffs dropped as older than the book. */
  public long stale() {
    return stale;
  }

  private static void set(NavigableMap<Long, Long> side, BookLevel level) {
    if (level.getSize() <= 0) {
      side.remove(level.getPrice());
    } else {
      side.put(level.getPrice(), level.getSize());
    }
  }
}
