package dev.tradingsystem.app.hyperopt;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Freqtrade's {@code --spaces}: which settings of the strategy a search varies. Freqtrade splits a
 * strategy's parameters into {@code buy} and {@code sell}; a strategy here declares one parameter
 * space, so both names mean {@link #PARAMS}.
 */
public enum HyperoptSpace {

  /** The strategy's declared parameters ({@code params.<name>}). */
  PARAMS,
  /** {@code minimalRoi} as Freqtrade's generated four-row table. */
  ROI,
  /** {@code stoploss}. */
  STOPLOSS,
  /** {@code trailingStop*}: trailing on, positive, positive offset, only once the offset is reached. */
  TRAILING;

  /** Freqtrade's {@code default}: everything except trailing. */
  public static final Set<HyperoptSpace> DEFAULT = EnumSet.of(PARAMS, ROI, STOPLOSS);

  /** The names {@code --spaces} accepts. */
  public static final String NAMES = "params (or buy, sell), roi, stoploss, trailing, default, all";

  /**
   * Parses a comma-separated list.
   *
   * @throws IllegalArgumentException naming the first unknown space, or when nothing is named
   */
  public static Set<HyperoptSpace> parse(String list) {
    EnumSet<HyperoptSpace> spaces = EnumSet.noneOf(HyperoptSpace.class);
    for (String part : (list == null ? "" : list).split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "" -> {
          // "roi,,stoploss" is a typo, not a request for nothing.
        }
        case "params", "buy", "sell" -> spaces.add(PARAMS);
        case "roi" -> spaces.add(ROI);
        case "stoploss" -> spaces.add(STOPLOSS);
        case "trailing" -> spaces.add(TRAILING);
        case "default" -> spaces.addAll(DEFAULT);
        case "all" -> spaces.addAll(EnumSet.allOf(HyperoptSpace.class));
        default -> throw new IllegalArgumentException("'" + part.trim() + "' is not a space; known: " + NAMES);
      }
    }
    if (spaces.isEmpty()) {
      throw new IllegalArgumentException("names no space; known: " + NAMES);
    }
    return spaces;
  }
}
