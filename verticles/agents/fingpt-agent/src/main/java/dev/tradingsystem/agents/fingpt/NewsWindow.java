package dev.tradingsystem.agents.fingpt;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scored headlines per subject, kept by event time. A subject is a full symbol
 * ({@code BTC/USD}), a base asset ({@code BTC}: news about bitcoin concerns every BTC pair) or
 * {@value #MARKET_WIDE} for news naming nothing. Items are deduplicated by id, so redelivered
 * news counts once. Not thread-safe: owned by the model.
 */
public final class NewsWindow {

  /** Subject of news that names no symbol. */
  public static final String MARKET_WIDE = "*";

  /** One remembered headline: its text is what a language model is shown. */
  public record ScoredNews(String id, long eventTimeUs, String text, SentimentScore sentiment) {
  }

  private final long windowUs;
  private final int maxItemsPerSubject;
  private final Map<String, Deque<ScoredNews>> bySubject = new HashMap<>();
  private final Set<String> seenIds = new HashSet<>();

  public NewsWindow(long windowSec, int maxItemsPerSubject) {
    this.windowUs = windowSec * 1_000_000L;
    this.maxItemsPerSubject = maxItemsPerSubject;
  }

  /**
   * Subject keys of a symbol as news names it: venue prefix and {@code $} dropped, upper-cased.
   * {@code binance:BTC/USDT} gives {@code BTC/USDT}; {@code $btc} gives {@code BTC}.
   */
  public static String subject(String symbol) {
    String s = symbol.trim();
    int colon = s.indexOf(':');
    if (colon >= 0 && colon < s.indexOf('/')) {
      s = s.substring(colon + 1);
    }
    if (s.startsWith("$")) {
      s = s.substring(1);
    }
    return s.toUpperCase(Locale.ROOT);
  }

  /** The base asset of a {@code BASE/QUOTE} symbol. */
  public static String base(String symbol) {
    int slash = symbol.indexOf('/');
    return slash < 0 ? symbol : symbol.substring(0, slash);
  }

  /** Remembers a scored headline under each subject it names; false when its id was seen before. */
  public boolean add(String id, long eventTimeUs, List<String> symbols, String text, SentimentScore sentiment) {
    if (!id.isEmpty() && !seenIds.add(id)) {
      return false;
    }
    ScoredNews news = new ScoredNews(id, eventTimeUs, text, sentiment);
    Set<String> subjects = new HashSet<>();
    for (String symbol : symbols) {
      if (!symbol.isBlank()) {
        subjects.add(subject(symbol));
      }
    }
    if (subjects.isEmpty()) {
      subjects.add(MARKET_WIDE);
    }
    for (String subject : subjects) {
      Deque<ScoredNews> items = bySubject.computeIfAbsent(subject, s -> new ArrayDeque<>());
      items.addLast(news);
      while (items.size() > maxItemsPerSubject) {
        forget(items.removeFirst());
      }
    }
    return true;
  }

  /**
   * News in {@code (now - window, now]} about a symbol, its base asset, and the whole market,
   * each item once, with the subject it was found under. Older items are dropped for good.
   */
  public Map<ScoredNews, String> recent(String symbol, long nowUs) {
    String full = subject(symbol);
    Map<ScoredNews, String> found = new LinkedHashMap<>();
    for (String subject : List.of(full, base(full), MARKET_WIDE)) {
      Deque<ScoredNews> items = bySubject.get(subject);
      if (items == null) {
        continue;
      }
      List<ScoredNews> expired = new ArrayList<>();
      for (ScoredNews news : items) {
        if (news.eventTimeUs() <= nowUs - windowUs) {
          expired.add(news);
        } else if (news.eventTimeUs() <= nowUs) {
          found.putIfAbsent(news, subject);
        }
      }
      items.removeAll(expired);
      expired.forEach(this::forget);
    }
    return found;
  }

  private void forget(ScoredNews news) {
    // Keep the id while the item still sits under another subject.
    for (Deque<ScoredNews> items : bySubject.values()) {
      if (items.contains(news)) {
        return;
      }
    }
    seenIds.remove(news.id());
  }
}
