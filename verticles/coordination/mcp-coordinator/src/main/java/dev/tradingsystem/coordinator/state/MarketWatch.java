package dev.tradingsystem.coordinator.state;

import dev.tradingsystem.proto.FeatureVector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest usable features the coordinator saw, per symbol and timeframe: tick features
 * ({@code timeframe_sec} 0, from {@code features.tick}) and candle features (the candle's
 * length, from {@code features.candle}). The market context MCP tools answer from; an event
 * older than the one kept (a redelivery, a late candle) never replaces it.
 *
 * <p>Written from the coordinator's context; readable from any thread.
 */
public final class MarketWatch {

  /** Timeframe of tick-level features. */
  public static final int TICK = 0;

  private final Map<String, TreeMap<Integer, FeatureVector>> latest = new LinkedHashMap<>();

  public synchronized void observe(FeatureVector features) {
    TreeMap<Integer, FeatureVector> bySymbol =
        latest.computeIfAbsent(features.getInstrument().getSymbol(), s -> new TreeMap<>());
    FeatureVector kept = bySymbol.get(features.getTimeframeSec());
    if (kept == null || !isOlder(features, kept)) {
      bySymbol.put(features.getTimeframeSec(), features);
    }
  }

  /** Symbols with features, in the order first seen. */
  public synchronized List<String> symbols() {
    return List.copyOf(latest.keySet());
  }

  public synchronized boolean knows(String symbol) {
    return latest.containsKey(symbol);
  }

  public synchronized Optional<FeatureVector> latest(String symbol, int timeframeSec) {
    TreeMap<Integer, FeatureVector> bySymbol = latest.get(symbol);
    return Optional.ofNullable(bySymbol == null ? null : bySymbol.get(timeframeSec));
  }

  /** The timeframes with features for a symbol, ascending (0 = tick). */
  public synchronized List<Integer> timeframes(String symbol) {
    TreeMap<Integer, FeatureVector> bySymbol = latest.get(symbol);
    return bySymbol == null ? List.of() : List.copyOf(bySymbol.keySet());
  }

  /** The freshest view of the market: tick features when there are any, else the shortest candle timeframe. */
  public synchronized Optional<FeatureVector> freshest(String symbol) {
    TreeMap<Integer, FeatureVector> bySymbol = latest.get(symbol);
    return bySymbol == null || bySymbol.isEmpty() ? Optional.empty() : Optional.of(bySymbol.firstEntry().getValue());
  }

  private static boolean isOlder(FeatureVector candidate, FeatureVector kept) {
    long candidateTime = candidate.getMeta().getEventTimeUs();
    long keptTime = kept.getMeta().getEventTimeUs();
    return candidateTime < keptTime
        || candidateTime == keptTime && candidate.getMeta().getSeq() < kept.getMeta().getSeq();
  }
}
