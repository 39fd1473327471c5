package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.proto.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds arbitrage dislocations on a {@link QuoteBoard} as of an event time, net of taker fees.
 * Only quotes stamped at or before that time and at most {@code maxQuoteAgeUs} older count, so
 * a replay asks the same question at the same tick whatever arrived since. Every leg crosses the
 * spread (buys at the ask, sells at the bid) and keeps {@code 1 - fee} of what it receives:
 * <ul>
 *   <li>cross-venue, buy on A and sell on B: {@code edge = bid_B / ask_A * keep_A * keep_B - 1};</li>
 *   <li>triangular on one venue, currencies {@code Q -> B -> C -> Q}: the product of the three
 *       conversion rates ({@code 1 / ask} when buying a symbol's base, {@code bid} when selling
 *       it) times {@code keep^3}, minus 1. Each triangle is tried in both directions.</li>
 * </ul>
 * Edges are in basis points of the starting amount; only positive edges are dislocations. A gap
 * smaller than the fees it costs to close is no dislocation.
 */
public final class DislocationScanner {

  private static final Comparator<Dislocation> LARGEST_EDGE_FIRST =
      Comparator.comparingDouble(Dislocation::edgeBps).reversed();

  private final QuoteBoard board;
  private final FeeSchedule fees;
  private final long maxQuoteAgeUs;

  public DislocationScanner(QuoteBoard board, FeeSchedule fees, long maxQuoteAgeUs) {
    this.board = board;
    this.fees = fees;
    this.maxQuoteAgeUs = maxQuoteAgeUs;
  }

  /** Every profitable buy-here-sell-there pair of venues for a symbol, largest edge first. */
  public List<Dislocation> crossVenue(String symbol, long asOfUs) {
    List<VenueQuote> quotes = new ArrayList<>();
    for (String venue : board.venuesOf(symbol)) {
      board.asOf(venue, symbol, asOfUs, maxQuoteAgeUs).ifPresent(quotes::add);
    }
    List<Dislocation> found = new ArrayList<>();
    for (VenueQuote buy : quotes) {
      for (VenueQuote sell : quotes) {
        if (buy != sell) {
          crossVenue(buy, sell).ifPresent(found::add);
        }
      }
    }
    found.sort(LARGEST_EDGE_FIRST);
    return found;
  }

  /** Every profitable triangular cycle on a venue, largest edge first, each cycle once. */
  public List<Dislocation> triangular(String venue, long asOfUs) {
    Map<String, VenueQuote> fresh = freshQuotes(venue, asOfUs);
    Map<String, Dislocation> unique = new LinkedHashMap<>();
    for (String symbol : fresh.keySet()) {
      for (Dislocation cycle : triangles(fresh, fresh.get(symbol))) {
        unique.putIfAbsent(cycleKey(cycle), cycle);
      }
    }
    List<Dislocation> found = new ArrayList<>(unique.values());
    found.sort(LARGEST_EDGE_FIRST);
    return found;
  }

  /**
   * The largest dislocation that trades a symbol on a venue, cross-venue or triangular; empty
   * when the venue has no fresh quote for the symbol or nothing clears the fees.
   */
  public Optional<Dislocation> best(String venue, String symbol, long asOfUs) {
    List<Dislocation> candidates = new ArrayList<>();
    for (Dislocation d : crossVenue(symbol, asOfUs)) {
      if (d.lean(venue, symbol) != 0) {
        candidates.add(d);
      }
    }
    Map<String, VenueQuote> fresh = freshQuotes(venue, asOfUs);
    VenueQuote own = fresh.get(symbol);
    if (own != null) {
      candidates.addAll(triangles(fresh, own));
    }
    // Stable sort: among equal edges the cross-venue one found first wins, in every run.
    candidates.sort(LARGEST_EDGE_FIRST);
    return candidates.stream().findFirst();
  }

  /** Buy at {@code buy}'s ask, sell at {@code sell}'s bid, if that clears both fees. */
  Optional<Dislocation> crossVenue(VenueQuote buy, VenueQuote sell) {
    double net = sell.bid() / buy.ask() * fees.keep(buy.venue()) * fees.keep(sell.venue());
    double edgeBps = (net - 1) * 10_000;
    if (!(edgeBps > 0)) {
      return Optional.empty();
    }
    return Optional.of(new Dislocation(Dislocation.Kind.CROSS_VENUE, List.of(
        new Dislocation.Leg(Side.BUY, buy.venue(), buy.symbol(), buy.ask()),
        new Dislocation.Leg(Side.SELL, sell.venue(), sell.symbol(), sell.bid())), edgeBps));
  }

  /**
   * Both directions of every triangle through {@code anchor}, starting from its quote currency;
   * profitable ones only.
   */
  private List<Dislocation> triangles(Map<String, VenueQuote> fresh, VenueQuote anchor) {
    Map<String, Map<String, VenueQuote>> pairs = new TreeMap<>();
    for (VenueQuote quote : fresh.values()) {
      pairs.computeIfAbsent(base(quote.symbol()), c -> new TreeMap<>()).put(quote(quote.symbol()), quote);
      pairs.computeIfAbsent(quote(quote.symbol()), c -> new TreeMap<>()).put(base(quote.symbol()), quote);
    }
    String b = base(anchor.symbol());
    String q = quote(anchor.symbol());
    TreeSet<String> thirds = new TreeSet<>(pairs.getOrDefault(b, Map.of()).keySet());
    thirds.retainAll(pairs.getOrDefault(q, Map.of()).keySet());
    thirds.remove(b);
    thirds.remove(q);
    List<Dislocation> found = new ArrayList<>();
    for (String c : thirds) {
      VenueQuote viaBc = pairs.get(b).get(c);
      VenueQuote viaQc = pairs.get(q).get(c);
      cycle(List.of(q, b, c, q), List.of(anchor, viaBc, viaQc)).ifPresent(found::add);
      cycle(List.of(q, c, b, q), List.of(viaQc, viaBc, anchor)).ifPresent(found::add);
    }
    return found;
  }

  /** Converts through {@code via.get(i)} from {@code currencies.get(i)} to {@code currencies.get(i + 1)}. */
  private Optional<Dislocation> cycle(List<String> currencies, List<VenueQuote> via) {
    double amount = 1;
    List<Dislocation.Leg> legs = new ArrayList<>();
    for (int i = 0; i < via.size(); i++) {
      VenueQuote quote = via.get(i);
      boolean buysBase = base(quote.symbol()).equals(currencies.get(i + 1));
      double price = buysBase ? quote.ask() : quote.bid();
      amount *= (buysBase ? 1 / price : price) * fees.keep(quote.venue());
      legs.add(new Dislocation.Leg(buysBase ? Side.BUY : Side.SELL, quote.venue(), quote.symbol(), price));
    }
    double edgeBps = (amount - 1) * 10_000;
    return edgeBps > 0 ? Optional.of(new Dislocation(Dislocation.Kind.TRIANGULAR, legs, edgeBps)) : Optional.empty();
  }

  private Map<String, VenueQuote> freshQuotes(String venue, long asOfUs) {
    Map<String, VenueQuote> fresh = new TreeMap<>();
    for (String symbol : board.symbolsOn(venue)) {
      board.asOf(venue, symbol, asOfUs, maxQuoteAgeUs).ifPresent(q -> fresh.put(symbol, q));
    }
    return fresh;
  }

  /** The same cycle entered at another currency has the same legs: one key for all its rotations. */
  private static String cycleKey(Dislocation cycle) {
    TreeSet<String> legs = new TreeSet<>();
    cycle.legs().forEach(leg -> legs.add(leg.symbol() + ":" + leg.side()));
    return String.join(",", legs);
  }

  private static String base(String symbol) {
    return symbol.substring(0, symbol.indexOf('/'));
  }

  private static String quote(String symbol) {
    return symbol.substring(symbol.indexOf('/') + 1);
  }
}
