package dev.tradingsystem.data.live;

import dev.tradingsystem.proto.BookDelta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Binance's rules for keeping a local book from a REST snapshot plus {@code @depth} diffs
 * ("How to manage a local order book correctly", Binance spot WebSocket streams docs):
 * <ol>
 *   <li>buffer diffs from the stream while the snapshot is fetched;</li>
 *   <li>drop buffered diffs with {@code u <= lastUpdateId} of the snapshot;</li>
 *   <li>the first diff applied must have {@code U <= lastUpdateId + 1 <= u}, otherwise the snapshot
 *       is already behind a gap and a new one is needed;</li>
 *   <li>from then on every diff must start at {@code U == previous u + 1} (spot); anything else
 *       is a lost message, and the book must be rebuilt from a new snapshot.</li>
 * </ol>
 * One instance per symbol; no I/O: the feed asks for the snapshot when a step says so.
 */
public final class BinanceDepthSync {

  /** Diffs kept while waiting for a snapshot; beyond this the oldest go (they would be dropped by rule 2 anyway). */
  static final int MAX_BUFFERED = 10_000;

  /** What the feed does after one input. */
  public record Step(List<BookDelta> deliver, boolean resync) {
    static final Step NOTHING = new Step(List.of(), false);
  }

  private final Deque<BookDelta> buffer = new ArrayDeque<>();
  private boolean synced;
  private boolean firstAfterSnapshot;
  private long previousU;

  /** Forgets the book: every diff is buffered until the next snapshot. */
  public void reset() {
    buffer.clear();
    synced = false;
  }

  public boolean synced() {
    return synced;
  }

  public int buffered() {
    return buffer.size();
  }

  /** A diff from the stream. */
  public Step onDiff(BookDelta diff) {
    if (!synced) {
      if (buffer.size() == MAX_BUFFERED) {
        buffer.removeFirst();
      }
      buffer.addLast(diff);
      return Step.NOTHING;
    }
    List<BookDelta> deliver = new ArrayList<>(1);
    boolean gap = !accept(diff, deliver);
    return new Step(deliver, gap);
  }

  /** The REST snapshot arrived: the buffered diffs that now apply, or a resync when it is too old. */
  public Step onSnapshot(long lastUpdateId) {
    synced = true;
    firstAfterSnapshot = true;
    previousU = lastUpdateId;
    List<BookDelta> deliver = new ArrayList<>();
    while (!buffer.isEmpty()) {
      if (!accept(buffer.pollFirst(), deliver)) {
        return new Step(deliver, true);
      }
    }
    return new Step(deliver, false);
  }

  /** Applies the rules to one diff; false (and back to buffering) on a gap. */
  private boolean accept(BookDelta diff, List<BookDelta> deliver) {
    long first = diff.getFirstUpdateId();
    long last = diff.getLastUpdateId();
    if (last <= previousU) {
      return true;
    }
    boolean inSequence = firstAfterSnapshot ? first <= previousU + 1 : first == previousU + 1;
    if (!inSequence) {
      // Keep the diff and everything buffered behind it: the next snapshot may be older than them.
      synced = false;
      buffer.addFirst(diff);
      return false;
    }
    firstAfterSnapshot = false;
    previousU = last;
    deliver.add(diff);
    return true;
  }
}
