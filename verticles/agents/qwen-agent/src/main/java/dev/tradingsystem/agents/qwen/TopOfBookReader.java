package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the collector's market-data messages into tops of book: a {@code Quote}
 * ({@code market.quotes}) is one already; a {@code BookSnapshot} or {@code BookDelta}
 * ({@code market.books}) updates a price-level book kept here per (venue, symbol), whose best
 * levels are the top. A delta for a book never snapshotted (the agent started after the
 * snapshot) waits for the next snapshot; a delta with a bad level, or one that crosses the book,
 * drops the book until then, because every later top of it would be wrong.
 */
public final class TopOfBookReader {

  /** What one message did: a new top, a rejection, or neither (nothing to say yet). */
  public record Reading(Optional<VenueQuote> top, Optional<Rejection> rejection) {

    static final Reading NOTHING = new Reading(Optional.empty(), Optional.empty());

    static Reading top(VenueQuote quote) {
      return new Reading(Optional.of(quote), Optional.empty());
    }

    static Reading rejected(String reason, String message) {
      return new Reading(Optional.empty(), Optional.of(new Rejection(reason, message)));
    }
  }

  /** Price levels of one book: price units to size units, best first on each side. */
  private static final class Levels {
    final Instrument instrument;
    final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<Long, Long> asks = new TreeMap<>();

    Levels(Instrument instrument) {
      this.instrument = instrument;
    }
  }

  private static final int MAX_SCALE = 18;

  private final Map<String, Levels> books = new HashMap<>();
  private long unsyncedDeltas;

  /** Reads a best bid/offer update. */
  public Reading onQuote(Quote quote) {
    Optional<Rejection> bad = checkInstrument(quote.getInstrument());
    if (bad.isPresent()) {
      return new Reading(Optional.empty(), bad);
    }
    Instrument instrument = quote.getInstrument();
    return Reading.top(quote(instrument, quote.getBidPrice(), quote.getBidSize(), quote.getAskPrice(),
        quote.getAskSize(), quote.getMeta().getEventTimeUs()));
  }

  /** Replaces a book with a snapshot; its top, if both sides have a level. */
  public Reading onSnapshot(BookSnapshot snapshot) {
    Optional<Rejection> bad = checkInstrument(snapshot.getInstrument());
    if (bad.isPresent()) {
      return new Reading(Optional.empty(), bad);
    }
    String key = key(snapshot.getInstrument());
    books.remove(key);
    Levels levels = new Levels(snapshot.getInstrument());
    Optional<Rejection> badLevel = apply(levels, snapshot.getBidsList(), snapshot.getAsksList(), false);
    if (badLevel.isPresent()) {
      return new Reading(Optional.empty(), badLevel);
    }
    books.put(key, levels);
    return top(key, levels, snapshot.getMeta().getEventTimeUs());
  }

  /** Applies a delta to its book (size 0 removes a level); its new top. */
  public Reading onDelta(BookDelta delta) {
    Optional<Rejection> bad = checkInstrument(delta.getInstrument());
    if (bad.isPresent()) {
      return new Reading(Optional.empty(), bad);
    }
    String key = key(delta.getInstrument());
    Levels levels = books.get(key);
    if (levels == null) {
      unsyncedDeltas++;
      return Reading.NOTHING;
    }
    Optional<Rejection> badLevel = apply(levels, delta.getBidsList(), delta.getAsksList(), true);
    if (badLevel.isPresent()) {
      books.remove(key);
      return new Reading(Optional.empty(), badLevel);
    }
    return top(key, levels, delta.getMeta().getEventTimeUs());
  }

  /** Deltas skipped because their book had no snapshot yet (or was dropped). */
  public long unsyncedDeltas() {
    return unsyncedDeltas;
  }

  private Reading top(String key, Levels levels, long eventTimeUs) {
    if (levels.bids.isEmpty() || levels.asks.isEmpty()) {
      return Reading.NOTHING;
    }
    Map.Entry<Long, Long> bid = levels.bids.firstEntry();
    Map.Entry<Long, Long> ask = levels.asks.firstEntry();
    if (bid.getKey() >= ask.getKey()) {
      books.remove(key);
      return Reading.rejected("crossed_book", key + " best bid " + bid.getKey() + " >= best ask " + ask.getKey()
          + " (price units); dropped until the next snapshot");
    }
    return Reading.top(quote(levels.instrument, bid.getKey(), bid.getValue(), ask.getKey(), ask.getValue(),
        eventTimeUs));
  }

  private static Optional<Rejection> apply(Levels levels, List<BookLevel> bids, List<BookLevel> asks, boolean delta) {
    for (int side = 0; side < 2; side++) {
      TreeMap<Long, Long> book = side == 0 ? levels.bids : levels.asks;
      for (BookLevel level : side == 0 ? bids : asks) {
        if (level.getPrice() <= 0 || level.getSize() < 0 || (!delta && level.getSize() == 0)) {
          return Optional.of(new Rejection("invalid_level", key(levels.instrument) + " level price "
              + level.getPrice() + " size " + level.getSize()));
        }
        if (level.getSize() == 0) {
          book.remove(level.getPrice());
        } else {
          book.put(level.getPrice(), level.getSize());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejection> checkInstrument(Instrument instrument) {
    if (VenueQuote.venueName(instrument.getVenue()).isEmpty()) {
      return Optional.of(new Rejection("missing_venue", "book or quote of '" + instrument.getSymbol()
          + "' names no venue"));
    }
    if (!Instruments.isValidSymbol(instrument.getSymbol())) {
      return Optional.of(new Rejection("invalid_symbol", "'" + instrument.getSymbol() + "' on "
          + instrument.getVenue() + " is not a BASE/QUOTE symbol"));
    }
    if (instrument.getPriceScale() < 0 || instrument.getPriceScale() > MAX_SCALE
        || instrument.getSizeScale() < 0 || instrument.getSizeScale() > MAX_SCALE) {
      return Optional.of(new Rejection("invalid_scale", key(instrument) + " price scale "
          + instrument.getPriceScale() + " size scale " + instrument.getSizeScale()));
    }
    return Optional.empty();
  }

  private static VenueQuote quote(Instrument instrument, long bid, long bidSize, long ask, long askSize,
      long eventTimeUs) {
    int ps = instrument.getPriceScale();
    int ss = instrument.getSizeScale();
    return new VenueQuote(VenueQuote.venueName(instrument.getVenue()), instrument.getSymbol(),
        FixedPoint.toDouble(bid, ps), FixedPoint.toDouble(bidSize, ss),
        FixedPoint.toDouble(ask, ps), FixedPoint.toDouble(askSize, ss), eventTimeUs);
  }

  private static String key(Instrument instrument) {
    return VenueQuote.venueName(instrument.getVenue()) + ":" + instrument.getSymbol();
  }
}
