package dev.tradingsystem.agents.fingpt;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Timestamps of news, as files and feeds write them, to microseconds since the epoch.
 * <ul>
 *   <li>Epoch numbers by magnitude: up to 11 digits are seconds, up to 14 milliseconds, more
 *       microseconds (seconds may carry a fraction: {@code 1700000000.25}).</li>
 *   <li>ISO-8601: an instant ({@code 2024-03-01T12:00:00Z}), with an offset
 *       ({@code +01:00}), or local ({@code 2024-03-01T12:00:00} or with a space), read as UTC.</li>
 *   <li>A date alone ({@code 2024-03-01}): the story happened some time that day, so by default it
 *       counts from the END of the day (next midnight UTC); a replay must not know a story
 *       before it could have been published. {@code atDayStart} takes midnight instead.</li>
 *   <li>RFC-1123 (RSS {@code pubDate}: {@code Tue, 10 Jun 2003 04:00:00 GMT}), also with the
 *       US zone names RFC 822 allows ({@code EST}, {@code PDT}, {@code UT}, ...).</li>
 * </ul>
 */
public final class NewsTime {

  private static final long DAY_US = 86_400_000_000L;
  private static final Pattern EPOCH = Pattern.compile("\\d{1,17}(\\.\\d{1,6})?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern RFC822_ZONE = Pattern.compile("\\s([A-Z]{1,3})$");
  private static final Map<String, String> ZONES = Map.ofEntries(
      Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("Z", "+0000"),
      Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"),
      Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
      Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));

  private NewsTime() {
  }

  /** Microseconds of a timestamp in any of the accepted forms; empty when it is none of them. */
  public static OptionalLong parseMicros(String text, boolean atDayStart) {
    if (text == null) {
      return OptionalLong.empty();
    }
    String t = text.trim();
    try {
      if (EPOCH.matcher(t).matches()) {
        return epoch(t);
      }
      if (DATE.matcher(t).matches()) {
        long dayStart = micros(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        return OptionalLong.of(atDayStart ? dayStart : dayStart + DAY_US);
      }
      if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
        return OptionalLong.of(iso(t.replace(' ', 'T')));
      }
      return OptionalLong.of(rfc1123(t));
    } catch (DateTimeException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  /** An RSS/Atom date: RFC-1123 or ISO-8601, never a bare date or number. */
  public static OptionalLong parseFeedDate(String text) {
    if (text == null || text.isBlank()) {
      return OptionalLong.empty();
    }
    String t = text.trim();
    try {
      return OptionalLong.of(Character.isDigit(t.charAt(0)) ? iso(t) : rfc1123(t));
    } catch (DateTimeException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  private static OptionalLong epoch(String t) {
    int dot = t.indexOf('.');
    String whole = dot < 0 ? t : t.substring(0, dot);
    long value = Long.parseLong(whole);
    if (whole.length() <= 11) {
      long fraction = dot < 0 ? 0 : Long.parseLong((t.substring(dot + 1) + "000000").substring(0, 6));
      return OptionalLong.of(Math.addExact(Math.multiplyExact(value, 1_000_000L), fraction));
    }
    if (dot >= 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(whole.length() <= 14 ? Math.multiplyExact(value, 1_000L) : value);
  }

  private static long iso(String t) {
    try {
      return micros(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeException withoutOffset) {
      return micros(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    }
  }

  private static long rfc1123(String t) {
    String normalised = t.replaceAll("\\s+", " ");
    var zone = RFC822_ZONE.matcher(normalised);
    if (zone.find() && !"GMT".equals(zone.group(1)) && ZONES.containsKey(zone.group(1))) {
      normalised = normalised.substring(0, zone.start()) + " " + ZONES.get(zone.group(1));
    }
    return micros(ZonedDateTime.parse(normalised, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
