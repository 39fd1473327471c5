package dev.tradingsystem.agents.runtime.mcp;

import dev.tradingsystem.proto.AgentSignal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest signal an agent answered for each symbol, FLAT and degraded ones included: what its
 * {@code analyze} tool reports. Bounded: beyond {@code capacity} symbols the one answered longest
 * ago is forgotten, so a feed of ever-new symbols cannot grow it without end. Written and read on
 * the agent's context only.
 */
public final class LatestSignals {

  /** Far more symbols than one agent analyses; a signal is a few hundred bytes. */
  public static final int DEFAULT_CAPACITY = 1_024;

  private final Map<String, AgentSignal> bySymbol;

  public LatestSignals(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.bySymbol = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, AgentSignal> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Remembers a signal as its symbol's latest; the symbol becomes the most recently answered. */
  public void record(AgentSignal signal) {
    bySymbol.remove(signal.getSymbol());
    bySymbol.put(signal.getSymbol(), signal);
  }

  public Optional<AgentSignal> latest(String symbol) {
    return Optional.ofNullable(bySymbol.get(symbol));
  }

  public int size() {
    return bySymbol.size();
  }
}
