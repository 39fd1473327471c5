package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Freqtrade's {@code minimal_roi}: after a trade has been open for at least {@code minutes}, it is
 * closed as soon as its profit ratio is above the ratio of the latest row reached. A typical table
 * asks for more early and accepts less (or break-even) later: {@code {"0": 0.01, "30": 0.005,
 * "60": 0.0}}.
 */
public final class RoiTable {

  private final NavigableMap<Long, BigDecimal> rows;

  private RoiTable(NavigableMap<Long, BigDecimal> rows) {
    this.rows = rows;
  }

  /** A table from minutes to profit ratio; at least one row, minutes not negative. */
  public static RoiTable of(Map<Long, BigDecimal> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("needs at least one row");
    }
    TreeMap<Long, BigDecimal> sorted = new TreeMap<>();
    rows.forEach((minutes, ratio) -> {
      if (minutes == null || minutes < 0) {
        throw new IllegalArgumentException("minutes must be 0 or more, got " + minutes);
      }
      if (ratio == null) {
        throw new IllegalArgumentException("no profit ratio for minute " + minutes);
      }
      sorted.put(minutes, ratio);
    });
    return new RoiTable(sorted);
  }

  /**
   * Parses the config form: keys are minutes as text, values profit ratios as numbers or text.
   *
   * @throws IllegalArgumentException naming the bad row
   */
  public static RoiTable parse(Map<String, ?> config) {
    TreeMap<Long, BigDecimal> rows = new TreeMap<>();
    for (Map.Entry<String, ?> row : config.entrySet()) {
      long minutes;
      try {
        minutes = Long.parseLong(row.getKey().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + row.getKey() + "' is not a whole number of minutes");
      }
      Object value = row.getValue();
      BigDecimal ratio;
      try {
        ratio = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(value).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("minute " + minutes + ": '" + value + "' is not a profit ratio");
      }
      rows.put(minutes, ratio);
    }
    return of(rows);
  }

  /** The ratio a trade open for {@code minutesOpen} must beat; empty before the first row. */
  public Optional<BigDecimal> requiredProfit(long minutesOpen) {
    Map.Entry<Long, BigDecimal> row = rows.floorEntry(minutesOpen);
    return row == null ? Optional.empty() : Optional.of(row.getValue());
  }

  /** True when the profit is strictly above the required ratio (Freqtrade compares with {@code >}). */
  public boolean reached(BigDecimal profitRatio, long minutesOpen) {
    return requiredProfit(minutesOpen).map(required -> profitRatio.compareTo(required) > 0).orElse(false);
  }

  public NavigableMap<Long, BigDecimal> rows() {
    return Collections.unmodifiableNavigableMap(rows);
  }

  @Override
  public String toString() {
    return rows.toString();
  }
}
