package dev.tradingsystem.data.replay;

import java.util.Locale;

/**
 * How fast a replay runs against event time: as fast as the pipeline allows ({@code max}), at
 * the pace the trades happened ({@code realtime}), or that pace times a multiplier ({@code 10}
 * replays ten minutes of market in one minute). Paced or not, the lockstep barrier still holds:
 * pacing only ever adds waiting.
 *
 * @param multiplier event-time seconds per wall second; {@code +Infinity} for max
 */
public record ReplaySpeed(double multiplier) {

  public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);
  public static final ReplaySpeed REALTIME = new ReplaySpeed(1.0);

  public ReplaySpeed {
    if (!(multiplier > 0)) {
      throw new IllegalArgumentException("replay speed must be > 0, got " + multiplier);
    }
  }

  /**
   * Reads {@code max}, {@code realtime}, or a positive number optionally followed by {@code x}.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public static ReplaySpeed parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("max")) {
      return MAX;
    }
    if (t.equals("realtime")) {
      return REALTIME;
    }
    if (t.endsWith("x")) {
      t = t.substring(0, t.length() - 1);
    }
    double value;
    try {
      value = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected 'max', 'realtime' or a positive multiplier, got '" + text + "'");
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("expected 'max', 'realtime' or a positive multiplier, got '" + text + "'");
    }
    return new ReplaySpeed(value);
  }

  public boolean isMax() {
    return Double.isInfinite(multiplier);
  }

  @Override
  public String toString() {
    return isMax() ? "max" : multiplier == 1.0 ? "realtime" : multiplier + "x";
  }
}
