package dev.tradingsystem.app.backtest.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The market-making numbers of one strategy: the edge of its fills against the mid ({@link FillEdge})
 * over all its pairs, and per pair the same plus its inventory path in base units (which does not
 * add up across pairs). Computed after the run from the fills and mids it published; nothing is
 * simulated again.
 *
 * @param edge the strategy's fills, every pair
 * @param pairs per pair, sorted
 */
public record MarketMakingStats(FillEdge edge, Map<String, Pair> pairs) {

  /** Strategies whose id starts with this are market makers and get these numbers. */
  public static final String MARKET_MAKER_PREFIX = "hummingbot-mm.";

  /** Mark-out horizons, event time: a second, ten seconds and a minute after each fill. */
  public static final List<Horizon> HORIZONS = List.of(new Horizon("1s", 1_000_000L),
      new Horizon("10s", 10_000_000L), new Horizon("60s", 60_000_000L));

  /** A mark-out horizon and its label in reports. */
  public record Horizon(String label, long micros) {
  }

  /** One pair: the edge of its fills and its inventory. */
  public record Pair(FillEdge edge, InventoryPath inventory) {
  }

  public MarketMakingStats {
    pairs = Map.copyOf(new TreeMap<>(pairs));
  }

  /** Pairs sorted by symbol. */
  @Override
  public Map<String, Pair> pairs() {
    return new TreeMap<>(pairs);
  }

  /** True for the strategies these numbers are for. */
  public static boolean isMarketMaker(String strategyId) {
    return strategyId.startsWith(MARKET_MAKER_PREFIX);
  }

  /**
   * The numbers of one strategy.
   *
   * @param fills its fills in the order they happened, any pair
   * @param tapes the mids of every symbol of the run, by symbol (a pair without one has no mids)
   */
  public static MarketMakingStats of(List<LiquidityFill> fills, Map<String, MidTape> tapes) {
    Map<String, List<LiquidityFill>> byPair = new TreeMap<>();
    for (LiquidityFill f : fills) {
      byPair.computeIfAbsent(f.pair(), k -> new ArrayList<>()).add(f);
    }
    List<Long> horizons = HORIZONS.stream().map(Horizon::micros).toList();
    FillEdge total = FillEdge.none(horizons.size());
    Map<String, Pair> pairs = new TreeMap<>();
    for (Map.Entry<String, List<LiquidityFill>> pair : byPair.entrySet()) {
      FillEdge edge = FillEdge.of(pair.getValue(), tapes.getOrDefault(pair.getKey(), new MidTape()), horizons);
      pairs.put(pair.getKey(), new Pair(edge, InventoryPath.of(pair.getValue())));
      total = total.plus(edge);
    }
    return new MarketMakingStats(total, pairs);
  }
}
