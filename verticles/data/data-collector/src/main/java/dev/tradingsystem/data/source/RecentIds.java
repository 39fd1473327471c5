package dev.tradingsystem.data.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last N ids accepted, to catch a record delivered twice. Bounded, because a replay can hold
 * hundreds of millions of trades; venues resend recent records (reconnects, overlapping files),
 * not ones from hours ago, so a window is enough.
 */
final class RecentIds {

  static final int DEFAULT_WINDOW = 100_000;

  private final Map<String, Boolean> ids;

  RecentIds(int window) {
    this.ids = new LinkedHashMap<>(Math.min(window, 1 << 16), 0.75f) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > window;
      }
    };
  }

  boolean contains(String id) {
    return ids.containsKey(id);
  }

  void add(String id) {
    ids.put(id, Boolean.TRUE);
  }
}
