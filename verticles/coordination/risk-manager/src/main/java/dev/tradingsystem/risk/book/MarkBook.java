package dev.tradingsystem.risk.book;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Last known price per symbol, from trades and from the portfolio's marks. A mark from an older
 * market event never replaces a newer one, whichever stream delivered it first.
 */
public final class MarkBook {

  /** A price with the market event it belongs to. */
  public record Mark(long price, long seq, long eventTimeUs) {
  }

  private final Map<String, Mark> marks = new HashMap<>();

  /** Records a price; ignored when not positive or older than the mark held. */
  public void update(String symbol, long price, long seq, long eventTimeUs) {
    if (price <= 0 || symbol == null || symbol.isEmpty()) {
      return;
    }
    Mark current = marks.get(symbol);
    if (current == null || seq >= current.seq()) {
      marks.put(symbol, new Mark(price, seq, eventTimeUs));
    }
  }

  public OptionalLong price(String symbol) {
    Mark mark = marks.get(symbol);
    return mark == null ? OptionalLong.empty() : OptionalLong.of(mark.price());
  }

  /** The full mark, for staleness checks. */
  public Mark get(String symbol) {
    return marks.get(symbol);
  }
}
