package dev.tradingsystem.agents.fingpt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids already published, least recently seen forgotten first beyond a capacity: memory stays
 * bounded however long the agent polls, and an id the feed still lists is seen at every poll,
 * so only stories that left the feed are forgotten.
 */
final class SeenIds {

  private final Map<String, Boolean> ids;

  SeenIds(int capacity) {
    this.ids = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True the first time an id is offered (while remembered), false after. */
  boolean firstTime(String id) {
    if (ids.get(id) != null) {
      return false;
    }
    ids.put(id, Boolean.TRUE);
    return true;
  }

  int size() {
    return ids.size();
  }
}
