package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freqtrade's {@code timeframe} ({@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}): the candle length
 * that protections count their {@code *_candles} settings in and that pair locks end on. Decisions
 * themselves run on every tick; the timeframe only sizes windows.
 *
 * @param minutes candle length in whole minutes
 */
public record Timeframe(long minutes) {

  public static final Timeframe ONE_MINUTE = new Timeframe(1);

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})([mhdw])");
  private static final long MINUTE_US = 60_000_000L;

  public Timeframe {
    if (minutes < 1) {
      throw new IllegalArgumentException("a timeframe is at least one minute, got " + minutes);
    }
  }

  /** Parses Freqtrade's notation: a count and one of m, h, d, w. */
  public static Timeframe parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException("'" + text + "' is not a timeframe like 1m, 5m, 1h or 1d");
    }
    long count = Long.parseLong(m.group(1));
    long unit = switch (m.group(2)) {
      case "m" -> 1;
      case "h" -> 60;
      case "d" -> 1_440;
      default -> 10_080;
    };
    return new Timeframe(count * unit);
  }

  /** {@code candles} of this timeframe in minutes. */
  public long minutesOf(long candles) {
    return Math.multiplyExact(candles, minutes);
  }

  /**
   * Freqtrade's {@code timeframe_to_next_date}: the open of the candle after the one holding
   * {@code timeMicros}; a time exactly on a boundary moves to the next boundary too.
   */
  public long nextCandleMicros(long timeMicros) {
    long length = minutes * MINUTE_US;
    return Math.floorDiv(timeMicros, length) * length + length;
  }

  @Override
  public String toString() {
    if (minutes % 1_440 == 0) {
      return minutes / 1_440 + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }
}
