package dev.tradingsystem.portfolio.exchange;

/**
 * Checks that the book updates of one symbol form an unbroken chain, by the venue's update ids
 * (Binance's rules, which the data-collector also applies before publishing):
 * <ul>
 *   <li>A snapshot with {@code lastUpdateId = L} (re)starts the chain.</li>
 *   <li>The first delta after it must straddle it: {@code U <= L+1 <= u} on spot; on futures,
 *       whose deltas carry {@code pu}, {@code U <= L <= u} or {@code pu == L} (the collector
 *       publishes its book after applying the diffs it buffered). Deltas entirely before it are
 *       skipped.</li>
 *   <li>Every later delta continues the last: {@code U == prev_u + 1} (spot), {@code pu == prev_u}
 *       (futures). Anything else is a gap: the chain is broken until the next snapshot.</li>
 *   <li>A delta entirely older than the chain ({@code u <= prev_u}) is stale and dropped.</li>
 * </ul>
 * A delta without ids (a source that has none) is accepted while the chain is intact, since the
 * collector has already sequenced it. Runs when a message arrives, not when it is applied, so a
 * gap is reported at once.
 */
final class BookSequencer {

  /** What to do with an update. */
  enum Verdict {
    /** Part of the chain: buffer it for application. */
    APPLY,
    /** Already contained in the snapshot: drop silently. */
    SKIP,
    /** Older than the chain: drop, the book is still good. */
    STALE,
    /** Breaks the chain: drop, and the book is unusable until the next snapshot. */
    GAP,
    /** The chain is already broken (or never started): drop until the next snapshot. */
    NOT_SYNCED
  }

  private boolean synced;
  private boolean awaitingFirstDelta;
  private long lastUpdateId;

  Verdict snapshot(long snapshotUpdateId) {
    synced = true;
    awaitingFirstDelta = true;
    lastUpdateId = snapshotUpdateId;
    return Verdict.APPLY;
  }

  Verdict delta(long first, long last, long previous) {
    if (!synced) {
      return Verdict.NOT_SYNCED;
    }
    if (first == 0 && last == 0) {
      awaitingFirstDelta = false;
      return Verdict.APPLY;
    }
    boolean futures = previous != 0;
    if (awaitingFirstDelta) {
      long l = lastUpdateId;
      if (futures ? last < l : last <= l) {
        return Verdict.SKIP;
      }
      boolean straddles = futures ? first <= l && last >= l : first <= l + 1 && last >= l + 1;
      // The collector publishes its book after the diffs it buffered: the next diff then simply continues it.
      boolean continues = futures ? previous == l : first == l + 1;
      if (!straddles && !continues) {
        return broken();
      }
    } else {
      if (last <= lastUpdateId) {
        return Verdict.STALE;
      }
      boolean continues = futures ? previous == lastUpdateId : first == lastUpdateId + 1;
      if (!continues) {
        return broken();
      }
    }
    awaitingFirstDelta = false;
    lastUpdateId = last;
    return Verdict.APPLY;
  }

  boolean synced() {
    return synced;
  }

  private Verdict broken() {
    synced = false;
    awaitingFirstDelta = false;
    return Verdict.GAP;
  }
}
