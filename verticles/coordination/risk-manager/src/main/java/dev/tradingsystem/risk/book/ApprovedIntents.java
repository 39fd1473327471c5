package dev.tradingsystem.risk.book;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of approved intents within a bounded window (oldest forgotten first), for duplicate
 * detection without unbounded memory.
 */
final class ApprovedIntents {

  private final Map<String, Boolean> ids;

  ApprovedIntents(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    this.ids = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > window;
      }
    };
  }

  boolean contains(String intentId) {
    return ids.containsKey(intentId);
  }

  void add(String intentId) {
    ids.put(intentId, Boolean.TRUE);
  }

  void remove(String intentId) {
    ids.remove(intentId);
  }
}
