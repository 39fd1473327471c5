package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time column of candle CSVs and the interval their file names state. Vendors disagree on
 * both, so several spellings are read:
 * <ul>
 *   <li>unix epoch in seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude
 *       (as for trades, see {@link TradeRowValidator});</li>
 *   <li>ISO-8601 date-times with {@code T} or a blank between date and time, seconds optional, a
 *       fraction of up to 9 digits (finer than a microsecond is truncated) and an optional zone:
 *       {@code Z}, {@code UTC}, {@code +02:00}, {@code +0200}, {@code +02}. <b>No zone means
 *       UTC</b>: exchanges, ccxt and pandas dumps all stamp in UTC, and a local-time guess would
 *       make the same file replay differently on two machines;</li>
 *   <li>a bare date ({@code 2013-01-02}, daily bars) at midnight UTC;</li>
 *   <li>CryptoDataDownload's hourly stamp {@code 2019-10-17 09-AM}.</li>
 * </ul>
 */
final class CandleTimes {

  private static final Pattern ISO = Pattern.compile(
      "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
          + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern HOUR_AM_PM = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2})-(AM|PM)$",
      Pattern.CASE_INSENSITIVE);
  /** A timeframe token in a file name: {@code _1m.}, {@code -5m-}, {@code _1h}, {@code .4h.}. */
  private static final Pattern NAMED_TIMEFRAME = Pattern.compile("(?:^|[_.\\-])(\\d+[smhdwM])(?=[_.\\-]|$)");
  /** ISO-8601 durations as ta4j names its files: {@code -PT5M-}, {@code -PT4H-}, {@code -P1D-} (and its {@code -PT1D-}). */
  private static final Pattern NAMED_DURATION = Pattern.compile("(?:^|[_.\\-])P(T?)(\\d+)([SMHDW])(?=[_.\\-]|$)");

  private CandleTimes() {
  }

  /** Microseconds since the epoch; refuses what it cannot read with the reason a trade time would get. */
  static long parseMicros(String text) throws Refusal {
    String t = text.trim();
    if (t.length() >= 10 && t.charAt(4) == '-') {
      return parseCalendar(t);
    }
    return Fields.time(t);
  }

  private static long parseCalendar(String text) throws Refusal {
    try {
      Matcher iso = ISO.matcher(text);
      if (iso.matches()) {
        LocalDateTime local = LocalDate.of(number(iso, 1), number(iso, 2), number(iso, 3))
            .atTime(number(iso, 4), number(iso, 5), number(iso, 6));
        ZoneOffset offset = offset(iso.group(8));
        String fraction = iso.group(7) == null ? "" : iso.group(7);
        long micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000").substring(0, 6));
        return checked(local.toEpochSecond(offset), micros, text);
      }
      Matcher hour = HOUR_AM_PM.matcher(text);
      if (hour.matches()) {
        int h12 = number(hour, 4);
        if (h12 < 1 || h12 > 12) {
          throw new Refusal(RejectReason.UNPARSEABLE, "time '" + text + "': hour " + h12 + " on a 12-hour clock");
        }
        int h24 = h12 % 12 + (hour.group(5).equalsIgnoreCase("PM") ? 12 : 0);
        LocalDateTime local = LocalDate.of(number(hour, 1), number(hour, 2), number(hour, 3)).atTime(h24, 0);
        return checked(local.toEpochSecond(ZoneOffset.UTC), 0, text);
      }
    } catch (DateTimeException e) {
      throw new Refusal(RejectReason.UNPARSEABLE, "time '" + text + "': " + e.getMessage());
    }
    throw new Refusal(RejectReason.UNPARSEABLE, "time '" + text + "'");
  }

  private static long checked(long epochSecond, long micros, String text) throws Refusal {
    long us = epochSecond * 1_000_000L + micros;
    if (us <= 0) {
      throw new Refusal(RejectReason.INVALID_TIMESTAMP, "time '" + text + "' is not after the epoch");
    }
    return us;
  }

  private static int number(Matcher m, int group) {
    return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.equalsIgnoreCase("Z") || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("GMT")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /**
   * The bar interval a file name states, in seconds: a timeframe token between separators
   * ({@code btc-perp-20211231-20220201_1m.csv}, {@code Coinbase_BTCUSD_1h.csv},
   * {@code BTCUSDT-5m-2024-08.csv}) or an ISO-8601 duration ({@code AAPL-PT1D-...}, {@code -PT5M-}).
   */
  static Optional<Integer> intervalFromFileName(String fileName) {
    Matcher duration = NAMED_DURATION.matcher(fileName.toUpperCase(Locale.ROOT));
    if (duration.find()) {
      // M is minutes after T (PT5M) and months without it (P1M), as in ISO-8601.
      boolean months = duration.group(3).equals("M") && duration.group(1).isEmpty();
      String unit = months ? "M" : duration.group(3).toLowerCase(Locale.ROOT);
      return SymbolNames.timeframeSeconds(duration.group(2) + unit);
    }
    Matcher named = NAMED_TIMEFRAME.matcher(fileName);
    return named.find() ? SymbolNames.timeframeSeconds(named.group(1)) : Optional.empty();
  }
}
