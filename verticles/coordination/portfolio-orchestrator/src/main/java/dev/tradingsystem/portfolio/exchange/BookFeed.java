package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Book updates between trades, held until the next trade. The collector publishes book events
 * without waiting for the tick barrier, so they race with the orders placed on the previous
 * trade; applying them only when the next trade arrives (all of them with a lower seq, in seq
 * order) makes the book every order meets a function of the tape alone. Sequencing is checked
 * on arrival, so a gap is reported when it happens; the book is reset at its place in the stream.
 */
final class BookFeed {

  /** More buffered updates than this between two trades forces the oldest through early. */
  static final int DEFAULT_BUFFER_LIMIT = 100_000;

  /**
   * One buffered book event.
   *
   * @param message the BookSnapshot or BookDelta to apply, or null: reset the symbol's book (a gap)
   */
  record Update(long seq, long timeUs, String symbol, Object message) {
  }

  private final ArrayDeque<Update> pending = new ArrayDeque<>();
  private final Map<String, BookSequencer> sequencers = new HashMap<>();
  private final SortedMap<String, Long> issues = new TreeMap<>();
  private final int bufferLimit;
  private long lastSeq;

  BookFeed(int bufferLimit) {
    this.bufferLimit = bufferLimit;
  }

  /** Takes a snapshot into the buffer; a reason (metric tag) when it is refused. */
  Optional<String> offer(BookSnapshot snapshot) {
    Optional<String> order = checkOrder(snapshot.getMeta().getSeq());
    if (order.isPresent()) {
      return order;
    }
    String symbol = snapshot.getInstrument().getSymbol();
    sequencer(symbol).snapshot(snapshot.getLastUpdateId());
    pending.add(new Update(snapshot.getMeta().getSeq(), snapshot.getMeta().getEventTimeUs(), symbol, snapshot));
    return Optional.empty();
  }

  /** Takes a delta into the buffer if it continues its symbol's chain; a reason (metric tag) when it is refused. */
  Optional<String> offer(BookDelta delta) {
    Optional<String> order = checkOrder(delta.getMeta().getSeq());
    if (order.isPresent()) {
      return order;
    }
    String symbol = delta.getInstrument().getSymbol();
    long seq = delta.getMeta().getSeq();
    long timeUs = delta.getMeta().getEventTimeUs();
    return switch (sequencer(symbol).delta(delta.getFirstUpdateId(), delta.getLastUpdateId(),
        delta.getPreviousUpdateId())) {
      case APPLY -> {
        pending.add(new Update(seq, timeUs, symbol, delta));
        yield Optional.empty();
      }
      case SKIP -> Optional.empty();
      case STALE -> issue("stale_update");
      case GAP -> {
        pending.add(new Update(seq, timeUs, symbol, null));
        yield issue("book_gap");
      }
      case NOT_SYNCED -> issue("book_not_synced");
    };
  }

  /** Hands every buffered update with a seq below {@code seq} to {@code apply}, oldest first. */
  void drainBefore(long seq, Consumer<Update> apply) {
    while (!pending.isEmpty() && pending.peek().seq() < seq) {
      apply.accept(pending.poll());
    }
  }

  /** The oldest update when the buffer is over its limit (it must be applied now), else empty. */
  Optional<Update> overflow() {
    if (pending.size() <= bufferLimit) {
      return Optional.empty();
    }
    issues.merge("book_buffer_overflow", 1L, Long::sum);
    return Optional.of(pending.poll());
  }

  /** Updates refused so far, by reason. */
  SortedMap<String, Long> issues() {
    return Collections.unmodifiableSortedMap(issues);
  }

  /** Counts an issue found when an update was applied (a crossed book). */
  void count(String reason) {
    issues.merge(reason, 1L, Long::sum);
  }

  private Optional<String> checkOrder(long seq) {
    if (seq <= lastSeq) {
      return issue("stale_seq");
    }
    lastSeq = seq;
    return Optional.empty();
  }

  /** The trade seq moves the floor too: a book event numbered below a processed trade is late. */
  void tradeSeen(long seq) {
    lastSeq = Math.max(lastSeq, seq);
  }

  private BookSequencer sequencer(String symbol) {
    return sequencers.computeIfAbsent(symbol, s -> new BookSequencer());
  }

  private Optional<String> issue(String reason) {
    issues.merge(reason, 1L, Long::sum);
    return Optional.of(reason);
  }
}
