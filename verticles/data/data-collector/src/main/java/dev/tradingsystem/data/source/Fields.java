package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Field parsers shared by the replay readers; each refuses with a {@link RejectReason} instead of
 * guessing. Prices and sizes are exact (see {@link TradeRowValidator}).
 */
final class Fields {

  private Fields() {
  }

  static long time(String text) throws Refusal {
    return TradeRowValidator.parseTimeMicros(text.trim());
  }

  static long price(String text, int scale) throws Refusal {
    return TradeRowValidator.parseUnits(text.trim(), scale, "price", RejectReason.NON_POSITIVE_PRICE);
  }

  static long size(String text, int scale) throws Refusal {
    return TradeRowValidator.parseUnits(text.trim(), scale, "size", RejectReason.NON_POSITIVE_SIZE);
  }

  /** A size that may be zero (a book level being removed, a candle without trades). */
  static long sizeOrZero(String text, int scale) throws Refusal {
    String t = text.trim();
    try {
      if (new BigDecimal(t).signum() == 0) {
        return 0;
      }
    } catch (NumberFormatException e) {
      // falls through to the strict parser, which names the problem
    }
    return size(t, scale);
  }

  static long integer(String text, String field) throws Refusal {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new Refusal(RejectReason.UNPARSEABLE, field + " '" + text + "'");
    }
  }

  /** Binance's {@code True}/{@code False} (Python spelling in public data, JSON spelling in streams). */
  static boolean bool(String text, String field) throws Refusal {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new Refusal(RejectReason.UNKNOWN_SIDE, field + " '" + text + "'");
    };
  }

  /** Digits printed after the decimal point ({@code "61837.63000000"} has 8): Binance prints its scale. */
  static int printedDecimals(String text) {
    String t = text.trim();
    int dot = t.indexOf('.');
    if (dot < 0) {
      return 0;
    }
    int end = t.length();
    int e = Math.max(t.indexOf('e'), t.indexOf('E'));
    if (e > dot) {
      end = e;
    }
    return end - dot - 1;
  }
}
