package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.proto.NewsItem;
import java.util.ArrayList;
import java.util.List;

/**
 * News from a file, released by event time: {@link #due} hands out, once and in order, every item
 * stamped at or before the time asked. Time is whatever the caller passes (an analyse request's
 * event time), never the wall clock, so a replay admits the same headlines at the same ticks in
 * every run. A time earlier than one already asked releases nothing: the cursor never rewinds.
 * Not thread-safe: owned by the agent's context.
 */
public final class NewsReplay {

  /** A replay with nothing in it (no file configured). */
  public static final NewsReplay EMPTY = new NewsReplay(List.of());

  private final List<NewsItem> items;
  private int next;

  /** @param items ordered by event time, as {@link NewsFileReader} returns them */
  public NewsReplay(List<NewsItem> items) {
    for (int i = 1; i < items.size(); i++) {
      if (items.get(i).getMeta().getEventTimeUs() < items.get(i - 1).getMeta().getEventTimeUs()) {
        throw new IllegalArgumentException("news items must be ordered by event time (item " + i + ")");
      }
    }
    this.items = List.copyOf(items);
  }

  /** Items stamped at or before {@code asOfUs} not released before, oldest first. */
  public List<NewsItem> due(long asOfUs) {
    List<NewsItem> due = new ArrayList<>();
    while (next < items.size() && items.get(next).getMeta().getEventTimeUs() <= asOfUs) {
      due.add(items.get(next++));
    }
    return due;
  }

  /** Items released so far. */
  public int released() {
    return next;
  }

  /** Items still to come. */
  public int remaining() {
    return items.size() - next;
  }

  /** Event time of the next item to be released, or {@code Long.MAX_VALUE} when none is left. */
  public long nextEventTimeUs() {
    return next < items.size() ? items.get(next).getMeta().getEventTimeUs() : Long.MAX_VALUE;
  }
}
