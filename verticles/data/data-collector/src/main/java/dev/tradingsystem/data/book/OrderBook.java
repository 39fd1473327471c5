package dev.tradingsystem.data.book;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * The L2 book of one symbol in fixed point, built from a snapshot plus deltas under Binance's
 * sequencing rules, and trusted only while every check passes:
 * <ul>
 *   <li>Before the first snapshot (and after any issue) the book is not synced: deltas are
 *       buffered (bounded) and nothing is published.</li>
 *   <li>On a snapshot with {@code lastUpdateId = L}, buffered deltas with {@code u <= L} (spot) or
 *       {@code u < L} (futures) are skipped; the first applied one must straddle the snapshot
 *       ({@code U <= L+1 <= u} spot, {@code U <= L <= u} futures).</li>
 *   <li>After that each delta must continue the last: {@code U == prev_u + 1} on spot; on futures,
 *       whose deltas carry {@code pu}, {@code pu == prev_u}. A delta that fails is a gap.</li>
 *   <li>A delta entirely older than the book ({@code u <= prev_u}) is stale: dropped, the book is
 *       untouched and stays trusted, since applying it is what would corrupt the book.</li>
 *   <li>After every snapshot and delta the book must be neither crossed nor locked.</li>
 *   <li>A venue checksum, where the venue sends one, must match {@link #verify}.</li>
 * </ul>
 * Any gap, crossed or locked book, invalid level or checksum mismatch clears the book and waits
 * for the next snapshot (RESYNC): a wrong book is worse than none, because quoting strategies
 * would trade against prices that do not exist. Single-threaded; implements {@link BookView}
 * without allocating.
 */
public final class OrderBook implements BookView {

  /** Deltas kept while waiting for a snapshot; Binance's REST snapshot typically lags seconds, i.e. tens of 100 ms diffs. */
  public static final int DEFAULT_BUFFER_LIMIT = 10_000;

  private final Instrument instrument;
  private final int bufferLimit;
  private final BookSide bids = new BookSide(true);
  private final BookSide asks = new BookSide(false);
  private final ArrayDeque<BookDelta> buffered = new ArrayDeque<>();
  private final Map<BookIssue, Long> issues = new EnumMap<>(BookIssue.class);
  private boolean synced;
  private boolean awaitingFirstDelta;
  private long snapshotUpdateId;
  private long lastUpdateId;
  private long resyncs;
  private long skipped;
  private BookIssue lastIssue;

  public OrderBook(Instrument instrument) {
    this(instrument, DEFAULT_BUFFER_LIMIT);
  }

  public OrderBook(Instrument instrument, int bufferLimit) {
    this.instrument = instrument;
    this.bufferLimit = bufferLimit;
  }

  /** Replaces the book with a snapshot, then applies the deltas buffered before it. */
  public BookUpdate applySnapshot(BookSnapshot snapshot) {
    bids.clear();
    asks.clear();
    lastIssue = null;
    for (BookLevel level : snapshot.getBidsList()) {
      if (!setLevel(bids, level)) {
        return fail(BookIssue.INVALID_LEVEL);
      }
    }
    for (BookLevel level : snapshot.getAsksList()) {
      if (!setLevel(asks, level)) {
        return fail(BookIssue.INVALID_LEVEL);
      }
    }
    BookIssue crossing = crossing();
    if (crossing != null) {
      return fail(crossing);
    }
    synced = true;
    awaitingFirstDelta = true;
    snapshotUpdateId = snapshot.getLastUpdateId();
    lastUpdateId = snapshotUpdateId;
    while (!buffered.isEmpty()) {
      BookUpdate outcome = applySynced(buffered.poll());
      if (outcome == BookUpdate.REJECTED && !synced) {
        return BookUpdate.REJECTED;
      }
    }
    return BookUpdate.APPLIED;
  }

  /** Applies one delta, or buffers it while the book waits for a snapshot. */
  public BookUpdate applyDelta(BookDelta delta) {
    lastIssue = null;
    if (!synced) {
      if (buffered.size() >= bufferLimit) {
        buffered.poll();
        count(BookIssue.BUFFER_OVERFLOW);
      }
      buffered.add(delta);
      return BookUpdate.BUFFERED;
    }
    return applySynced(delta);
  }

  /**
   * Checks the venue's checksum against this book; a mismatch puts the book into RESYNC.
   *
   * @return true when the book matches
   */
  public boolean verify(BookChecksum checksum, long expected) {
    if (!synced) {
      return false;
    }
    if (checksum.compute(this) != expected) {
      fail(BookIssue.CHECKSUM_MISMATCH);
      return false;
    }
    return true;
  }

  private BookUpdate applySynced(BookDelta delta) {
    long first = delta.getFirstUpdateId();
    long last = delta.getLastUpdateId();
    boolean futures = delta.getPreviousUpdateId() != 0;
    if (awaitingFirstDelta) {
      long l = snapshotUpdateId;
      if (futures ? last < l : last <= l) {
        skipped++;
        return BookUpdate.SKIPPED;
      }
      boolean straddles = futures ? first <= l && last >= l : first <= l + 1 && last >= l + 1;
      if (!straddles) {
        return fail(BookIssue.GAP);
      }
    } else {
      if (last <= lastUpdateId) {
        lastIssue = BookIssue.STALE;
        count(BookIssue.STALE);
        return BookUpdate.REJECTED;
      }
      boolean continues = futures ? delta.getPreviousUpdateId() == lastUpdateId : first == lastUpdateId + 1;
      if (!continues) {
        return fail(BookIssue.GAP);
      }
    }
    for (BookLevel level : delta.getBidsList()) {
      if (!setLevel(bids, level)) {
        return fail(BookIssue.INVALID_LEVEL);
      }
    }
    for (BookLevel level : delta.getAsksList()) {
      if (!setLevel(asks, level)) {
        return fail(BookIssue.INVALID_LEVEL);
      }
    }
    BookIssue crossing = crossing();
    if (crossing != null) {
      return fail(crossing);
    }
    awaitingFirstDelta = false;
    lastUpdateId = last;
    return BookUpdate.APPLIED;
  }

  /** The whole consistent book as a snapshot message (best first); meta is left to the publisher. */
  public BookSnapshot toSnapshot() {
    BookSnapshot.Builder snapshot = BookSnapshot.newBuilder().setInstrument(instrument).setLastUpdateId(lastUpdateId);
    for (int i = 0; i < bids.depth(); i++) {
      snapshot.addBids(BookLevel.newBuilder().setPrice(bids.price(i)).setSize(bids.size(i)));
    }
    for (int i = 0; i < asks.depth(); i++) {
      snapshot.addAsks(BookLevel.newBuilder().setPrice(asks.price(i)).setSize(asks.size(i)));
    }
    return snapshot.build();
  }

  /** True while the book is built from a snapshot and every update since passed the checks. */
  public boolean synced() {
    return synced;
  }

  /** Update id of the last applied snapshot or delta. */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  /** The issue behind the last {@link BookUpdate#REJECTED}, or null. */
  public BookIssue lastIssue() {
    return lastIssue;
  }

  /** Times the book lost sync and started waiting for a snapshot. */
  public long resyncs() {
    return resyncs;
  }

  /** Deltas dropped because the snapshot already contained them (normal while syncing, not an issue). */
  public long skipped() {
    return skipped;
  }

  public long issueCount(BookIssue issue) {
    return issues.getOrDefault(issue, 0L);
  }

  /** Issues by code, for stats. */
  public Map<BookIssue, Long> issues() {
    return Map.copyOf(issues);
  }

  public Instrument instrument() {
    return instrument;
  }

  @Override
  public int bidDepth() {
    return synced ? bids.depth() : 0;
  }

  @Override
  public int askDepth() {
    return synced ? asks.depth() : 0;
  }

  @Override
  public long bidPrice(int level) {
    return bids.price(level);
  }

  @Override
  public long bidSize(int level) {
    return bids.size(level);
  }

  @Override
  public long askPrice(int level) {
    return asks.price(level);
  }

  @Override
  public long askSize(int level) {
    return asks.size(level);
  }

  private static boolean setLevel(BookSide side, BookLevel level) {
    if (level.getPrice() <= 0 || level.getSize() < 0) {
      return false;
    }
    side.set(level.getPrice(), level.getSize());
    return true;
  }

  private BookIssue crossing() {
    if (bids.depth() == 0 || asks.depth() == 0) {
      return null;
    }
    long bid = bids.price(0);
    long ask = asks.price(0);
    return bid > ask ? BookIssue.CROSSED : bid == ask ? BookIssue.LOCKED : null;
  }

  private BookUpdate fail(BookIssue issue) {
    lastIssue = issue;
    count(issue);
    if (synced) {
      resyncs++;
    }
    synced = false;
    awaitingFirstDelta = false;
    bids.clear();
    asks.clear();
    return BookUpdate.REJECTED;
  }

  private void count(BookIssue issue) {
    issues.merge(issue, 1L, Long::sum);
  }
}
