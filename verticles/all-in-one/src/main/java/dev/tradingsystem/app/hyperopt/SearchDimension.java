package dev.tradingsystem.app.hyperopt;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One axis of a hyperopt search, like Freqtrade's {@code Integer}, {@code SKDecimal} and
 * {@code Categorical([True, False])}: a name, a closed range and the grid step values lie on.
 * Decimals are searched on a grid (Freqtrade's {@code decimals=3}) so that a sampled value prints
 * exactly the way it is configured.
 *
 * @param name the parameter's name in the report ({@code entryThreshold}, {@code roi_t1}, {@code stoploss})
 * @param kind integer, decimal or boolean (0 or 1)
 * @param low  smallest value
 * @param high largest value
 * @param step grid step: 1 for integers and booleans, 10^-decimals for decimals
 */
public record SearchDimension(String name, Kind kind, double low, double high, double step) {

  /** What kind of value the axis takes. */
  public enum Kind { INTEGER, DECIMAL, BOOLEAN }

  public SearchDimension {
    if (!(low <= high) || !(step > 0)) {
      throw new IllegalArgumentException(name + ": needs low <= high and a positive step, got [" + low + ", "
          + high + "] step " + step);
    }
  }

  /** Integers from {@code low} to {@code high}. */
  public static SearchDimension integer(String name, long low, long high) {
    return new SearchDimension(name, Kind.INTEGER, low, high, 1);
  }

  /** Decimals on a grid of {@code decimals} places; the bounds are rounded to it, as Freqtrade's SKDecimal does. */
  public static SearchDimension decimal(String name, double low, double high, int decimals) {
    double step = BigDecimal.ONE.movePointLeft(decimals).doubleValue();
    return new SearchDimension(name, Kind.DECIMAL, round(low, decimals), round(high, decimals), step);
  }

  /** True (1) or false (0). */
  public static SearchDimension bool(String name) {
    return new SearchDimension(name, Kind.BOOLEAN, 0, 1, 1);
  }

  /** Number of grid points. */
  public long gridSize() {
    return Math.round((high - low) / step) + 1;
  }

  /** The {@code index}-th grid point, {@code 0 <= index < gridSize()}. */
  public double gridPoint(long index) {
    return snap(low + index * step);
  }

  /** The grid point nearest to {@code value}, within the range. */
  public double snap(double value) {
    double clamped = Math.max(low, Math.min(high, value));
    long index = Math.round((clamped - low) / step);
    double snapped = Math.min(high, low + index * step);
    return kind == Kind.DECIMAL ? round(snapped, decimals()) : Math.rint(snapped);
  }

  /** Decimal places of the grid (0 for integers and booleans). */
  public int decimals() {
    return Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
  }

  /** The value as config text: {@code 12}, {@code 0.035}, {@code true}. */
  public String format(double value) {
    return switch (kind) {
      case INTEGER -> Long.toString(Math.round(value));
      case BOOLEAN -> Boolean.toString(value >= 0.5);
      case DECIMAL -> BigDecimal.valueOf(value).setScale(decimals(), RoundingMode.HALF_EVEN).stripTrailingZeros()
          .toPlainString();
    };
  }

  private static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }
}
