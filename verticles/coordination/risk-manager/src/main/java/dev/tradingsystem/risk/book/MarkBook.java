package dev.tradingsystem.risk.book;

import dev.tradingsystem.risk.rules.Reference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Last known prices per symbol: the last trade (or the portfolio's mark) and the mid of the
 * quote or book. A price from an older market event never replaces a newer one, whichever stream
 * delivered it first.
 */
public final class MarkBook {

  /** A price with the market event it belongs to. */
  public record Mark(long price, long seq, long eventTimeUs) {
  }

  private final Map<String, Mark> marks = new HashMap<>();
  private final Map<String, Mark> mids = new HashMap<>();

  /** Records a trade price or mark; ignored when not positive or older than the mark held. */
  public void update(String symbol, long price, long seq, long eventTimeUs) {
    put(marks, symbol, price, seq, eventTimeUs);
  }

  /** Records a mid from a quote or book; ignored when not positive or older than the mid held. */
  public void updateMid(String symbol, long mid, long seq, long eventTimeUs) {
    put(mids, symbol, mid, seq, eventTimeUs);
  }

  /** A crossed or one-sided book has no usable mid: the one held is dropped, the last trade takes over. */
  public void clearMid(String symbol) {
    mids.remove(symbol);
  }

  public OptionalLong price(String symbol) {
    Mark mark = marks.get(symbol);
    return mark == null ? OptionalLong.empty() : OptionalLong.of(mark.price());
  }

  /** The full mark, for staleness checks. */
  public Mark get(String symbol) {
    return marks.get(symbol);
  }

  /** The mid when it is at most {@code maxAgeUs} old at {@code nowUs}, else the last trade or mark, else empty. */
  public Optional<Reference> reference(String symbol, long nowUs, long maxAgeUs) {
    Mark mid = mids.get(symbol);
    if (mid != null && nowUs - mid.eventTimeUs() <= maxAgeUs) {
      return Optional.of(new Reference(mid.price(), mid.eventTimeUs(), Reference.MID));
    }
    Mark last = marks.get(symbol);
    if (last != null) {
      return Optional.of(new Reference(last.price(), last.eventTimeUs(), Reference.TRADE));
    }
    return mid == null ? Optional.empty() : Optional.of(new Reference(mid.price(), mid.eventTimeUs(), Reference.MID));
  }

  private static void put(Map<String, Mark> into, String symbol, long price, long seq, long eventTimeUs) {
    if (price <= 0 || symbol == null || symbol.isEmpty()) {
      return;
    }
    Mark current = into.get(symbol);
    if (current == null || seq >= current.seq()) {
      into.put(symbol, new Mark(price, seq, eventTimeUs));
    }
  }
}
