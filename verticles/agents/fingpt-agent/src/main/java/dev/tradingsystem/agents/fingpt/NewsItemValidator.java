package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Optional;

/**
 * Boundary check of the news stream: an item needs an id (for deduplication), an event time
 * (for the window) and some text. Symbols may be pairs, base assets or venue-qualified pairs.
 */
public final class NewsItemValidator {

  private NewsItemValidator() {
  }

  public static Optional<Rejection> check(NewsItem item) {
    if (item == null) {
      return Optional.of(new Rejection("missing_news", "no news item"));
    }
    if (item.getMeta().getId().isEmpty()) {
      return Optional.of(new Rejection("missing_id", "news item without meta.id cannot be deduplicated"));
    }
    if (item.getMeta().getEventTimeUs() <= 0) {
      return Optional.of(new Rejection("missing_event_time", "news item " + item.getMeta().getId()
          + " has no event time"));
    }
    if (item.getHeadline().isBlank() && item.getBody().isBlank()) {
      return Optional.of(new Rejection("empty_news", "news item " + item.getMeta().getId() + " has no text"));
    }
    for (String symbol : item.getSymbolsList()) {
      String subject = NewsWindow.subject(symbol);
      if (!isValidSubject(subject)) {
        return Optional.of(new Rejection("invalid_symbol", "news item " + item.getMeta().getId()
            + " names '" + symbol + "'"));
      }
    }
    return Optional.empty();
  }

  /** A pair ({@code BTC/USD}) or an asset ({@code BTC}), as {@link NewsWindow#subject} writes it. */
  public static boolean isValidSubject(String subject) {
    return Instruments.isValidSymbol(subject) || subject.matches("[A-Z0-9]{2,12}");
  }
}
