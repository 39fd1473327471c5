package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.agents.runtime.Rejection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The latest tops of book per (venue, symbol), each with a short history so a question "as of
 * event time T" has the same answer whenever it is asked: a quote stamped after T never counts,
 * even if it already arrived (across a cluster, the next event's quote can overtake this event's
 * analyse request). Sorted maps keep every scan in one order, so ties break the same way in every
 * run. Not thread-safe: owned by the agent's context.
 */
public final class QuoteBoard {

  private final int historyPerBook;
  private final Map<String, Map<String, Deque<VenueQuote>>> byVenue = new TreeMap<>();
  private final Map<String, NavigableSet<String>> venuesBySymbol = new TreeMap<>();

  /** @param historyPerBook quotes kept per book; the oldest are dropped beyond it */
  public QuoteBoard(int historyPerBook) {
    if (historyPerBook < 1) {
      throw new IllegalArgumentException("historyPerBook must be at least 1, got " + historyPerBook);
    }
    this.historyPerBook = historyPerBook;
  }

  /**
   * Records a quote, or says why not: an unusable quote ({@link VenueQuote#problem()}) or one
   * older than the newest already held for its book (a late duplicate must not rewrite history).
   * An unchanged top is kept too: it says the prices were still there at the later time.
   */
  public Optional<Rejection> accept(VenueQuote quote) {
    Optional<Rejection> problem = quote.problem();
    if (problem.isPresent()) {
      return problem;
    }
    Deque<VenueQuote> history = byVenue.computeIfAbsent(quote.venue(), v -> new TreeMap<>())
        .computeIfAbsent(quote.symbol(), s -> new ArrayDeque<>());
    VenueQuote newest = history.peekLast();
    if (newest != null && quote.eventTimeUs() < newest.eventTimeUs()) {
      return Optional.of(new Rejection("out_of_order_quote", quote.book() + " at " + quote.eventTimeUs()
          + " us is older than the quote held at " + newest.eventTimeUs() + " us"));
    }
    history.addLast(quote);
    while (history.size() > historyPerBook) {
      history.removeFirst();
    }
    venuesBySymbol.computeIfAbsent(quote.symbol(), s -> new TreeSet<>()).add(quote.venue());
    return Optional.empty();
  }

  /**
   * The newest quote of a book stamped at or before {@code asOfUs} and at most {@code maxAgeUs}
   * older than it; empty when there is none (never quoted, only later quotes, or stale).
   */
  public Optional<VenueQuote> asOf(String venue, String symbol, long asOfUs, long maxAgeUs) {
    Map<String, Deque<VenueQuote>> symbols = byVenue.get(venue);
    Deque<VenueQuote> history = symbols == null ? null : symbols.get(symbol);
    if (history == null) {
      return Optional.empty();
    }
    Iterator<VenueQuote> newestFirst = history.descendingIterator();
    while (newestFirst.hasNext()) {
      VenueQuote quote = newestFirst.next();
      if (quote.eventTimeUs() <= asOfUs) {
        return asOfUs - quote.eventTimeUs() <= maxAgeUs ? Optional.of(quote) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Venues that have quoted a symbol, in name order. */
  public NavigableSet<String> venuesOf(String symbol) {
    NavigableSet<String> venues = venuesBySymbol.get(symbol);
    return venues == null ? new TreeSet<>() : new TreeSet<>(venues);
  }

  /** Symbols a venue has quoted, in name order. */
  public NavigableSet<String> symbolsOn(String venue) {
    Map<String, Deque<VenueQuote>> symbols = byVenue.get(venue);
    return symbols == null ? new TreeSet<>() : new TreeSet<>(symbols.keySet());
  }

  /** Venues that have quoted anything, in name order. */
  public NavigableSet<String> venues() {
    return new TreeSet<>(byVenue.keySet());
  }
}
