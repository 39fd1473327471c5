package dev.tradingsystem.frameworks.hummingbot.quoting;

import java.time.Instant;
import java.time.LocalTime;
import java.util.OptionalDouble;

/**
 * Hummingbot's {@code execution_timeframe_mode} for Avellaneda–Stoikov: when the strategy trades
 * and how much of its horizon is left, as the fraction (T − t)/T that scales the inventory and
 * volatility terms.
 * <ul>
 *   <li>{@code infinite}: always trades, fraction 1 (a rolling horizon; the paper's infinite-horizon
 *       formulas are unit-inconsistent, so Hummingbot and this class use the finite ones with a
 *       fixed time left);</li>
 *   <li>{@code from-date-to-date}: trades in [start, end); the fraction falls from 1 to 0;</li>
 *   <li>{@code daily-between-times}: trades every day between two UTC times of day (a window may
 *       run over midnight); the fraction falls from 1 to 0 within each day's window.</li>
 * </ul>
 * Outside its window the strategy does not quote. Immutable.
 */
public final class ExecutionTimeframe {

  /** The modes, named as Hummingbot names them (with dashes). */
  public enum Mode { INFINITE, FROM_DATE_TO_DATE, DAILY_BETWEEN_TIMES }

  private static final long DAY_US = 86_400L * 1_000_000L;

  private final Mode mode;
  private final long startUs;
  private final long endUs;

  private ExecutionTimeframe(Mode mode, long startUs, long endUs) {
    this.mode = mode;
    this.startUs = startUs;
    this.endUs = endUs;
  }

  public static ExecutionTimeframe infinite() {
    return new ExecutionTimeframe(Mode.INFINITE, 0, 0);
  }

  /** Trades from {@code start} (inclusive) to {@code end} (exclusive); end must be after start. */
  public static ExecutionTimeframe between(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " is not after start " + start);
    }
    return new ExecutionTimeframe(Mode.FROM_DATE_TO_DATE, micros(start), micros(end));
  }

  /** Trades every day from {@code start} to {@code end}, UTC; end before start runs over midnight. */
  public static ExecutionTimeframe daily(LocalTime start, LocalTime end) {
    if (start.equals(end)) {
      throw new IllegalArgumentException("daily window is empty: start equals end " + start);
    }
    return new ExecutionTimeframe(Mode.DAILY_BETWEEN_TIMES, start.toNanoOfDay() / 1_000, end.toNanoOfDay() / 1_000);
  }

  public Mode mode() {
    return mode;
  }

  /** (T − t)/T at event time {@code nowUs}, in (0, 1]; empty outside the trading window. */
  public OptionalDouble fractionLeft(long nowUs) {
    return switch (mode) {
      case INFINITE -> OptionalDouble.of(1.0);
      case FROM_DATE_TO_DATE -> nowUs >= startUs && nowUs < endUs
          ? OptionalDouble.of((endUs - nowUs) / (double) (endUs - startUs)) : OptionalDouble.empty();
      case DAILY_BETWEEN_TIMES -> daily(Math.floorMod(nowUs, DAY_US));
    };
  }

  private OptionalDouble daily(long timeOfDayUs) {
    long length = Math.floorMod(endUs - startUs, DAY_US);
    long sinceStart = Math.floorMod(timeOfDayUs - startUs, DAY_US);
    return sinceStart < length ? OptionalDouble.of((length - sinceStart) / (double) length) : OptionalDouble.empty();
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  @Override
  public String toString() {
    return mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
