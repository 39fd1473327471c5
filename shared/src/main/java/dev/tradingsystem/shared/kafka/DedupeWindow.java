package dev.tradingsystem.shared.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} message ids seen, least recently seen evicted first. A redelivered
 * record (a producer's application-level retry, a second process mirroring the same message, a
 * replay of the uncommitted tail after a restart) is recognised as long as its id is still in the
 * window; one older than the last {@code capacity} distinct ids passes again. Not thread-safe:
 * one reader thread owns it.
 */
public final class DedupeWindow {

  private final int capacity;
  private final LinkedHashMap<String, Boolean> ids;

  public DedupeWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    // Access order: a duplicate refreshes its id, so a burst of redeliveries keeps it remembered.
    this.ids = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > DedupeWindow.this.capacity;
      }
    };
  }

  /** Records {@code id}; true the first time it is seen within the window, false for a duplicate. */
  public boolean firstSighting(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }

  /** Marks ids as already seen without delivering them: what a restarted service read from its journal. */
  public void remember(Iterable<String> alreadySeen) {
    alreadySeen.forEach(id -> ids.put(id, Boolean.TRUE));
  }

  public int size() {
    return ids.size();
  }

  public int capacity() {
    return capacity;
  }
}
