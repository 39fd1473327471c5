package dev.tradingsystem.risk.book;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Quote;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Order books per symbol, only as deep as the feed sends, to know the mid: snapshots replace a
 * book, deltas change levels (size 0 removes one), quotes give the best bid and ask directly.
 * A delta older than the book held is ignored. The mid is empty when a side is missing or the
 * book is crossed (a gap in the feed): the collar then falls back to the last trade.
 */
public final class TopOfBook {

  private static final class Book {
    final NavigableMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    final NavigableMap<Long, Long> asks = new TreeMap<>();
    long updateId;
  }

  private final Map<String, Book> books = new HashMap<>();

  /** Applies a snapshot; returns the mid after it. */
  public OptionalLong onSnapshot(BookSnapshot snapshot) {
    Book book = new Book();
    apply(book.bids, snapshot.getBidsList());
    apply(book.asks, snapshot.getAsksList());
    book.updateId = snapshot.getLastUpdateId();
    books.put(snapshot.getInstrument().getSymbol(), book);
    return mid(book);
  }

  /** Applies a delta to the book it belongs to (a delta before any snapshot starts one); returns the mid. */
  public OptionalLong onDelta(BookDelta delta) {
    Book book = books.computeIfAbsent(delta.getInstrument().getSymbol(), s -> new Book());
    if (delta.getLastUpdateId() != 0 && delta.getLastUpdateId() <= book.updateId) {
      return mid(book);
    }
    apply(book.bids, delta.getBidsList());
    apply(book.asks, delta.getAsksList());
    book.updateId = Math.max(book.updateId, delta.getLastUpdateId());
    return mid(book);
  }

  /** A best bid and offer replaces the top levels; returns the mid. */
  public OptionalLong onQuote(Quote quote) {
    Book book = new Book();
    if (quote.getBidPrice() > 0) {
      book.bids.put(quote.getBidPrice(), Math.max(1, quote.getBidSize()));
    }
    if (quote.getAskPrice() > 0) {
      book.asks.put(quote.getAskPrice(), Math.max(1, quote.getAskSize()));
    }
    book.updateId = quote.getUpdateId();
    books.put(quote.getInstrument().getSymbol(), book);
    return mid(book);
  }

  private static void apply(NavigableMap<Long, Long> side, List<BookLevel> levels) {
    for (BookLevel level : levels) {
      if (level.getPrice() <= 0) {
        continue;
      }
      if (level.getSize() <= 0) {
        side.remove(level.getPrice());
      } else {
        side.put(level.getPrice(), level.getSize());
      }
    }
  }

  private static OptionalLong mid(Book book) {
    if (book.bids.isEmpty() || book.asks.isEmpty()) {
      return OptionalLong.empty();
    }
    long bid = book.bids.firstKey();
    long ask = book.asks.firstKey();
    return bid >= ask ? OptionalLong.empty() : OptionalLong.of(bid + (ask - bid) / 2);
  }
}
