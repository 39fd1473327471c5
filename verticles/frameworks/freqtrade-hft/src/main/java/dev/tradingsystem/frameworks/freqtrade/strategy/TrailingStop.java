package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;

/**
 * Freqtrade's trailing stoploss settings, validated as Freqtrade validates them.
 *
 * @param enabled             {@code trailing_stop}: the stop follows the best price seen, never back
 * @param positive            {@code trailing_stop_positive}: the distance (ratio) to trail at once
 *                            the profit is above {@code positiveOffset}; null trails at the
 *                            stoploss distance throughout
 * @param positiveOffset      {@code trailing_stop_positive_offset}: profit ratio above which
 *                            {@code positive} applies (0: as soon as the trade is in profit)
 * @param onlyOffsetIsReached {@code trailing_only_offset_is_reached}: the stop does not move at all
 *                            until the profit reached {@code positiveOffset}
 */
public record TrailingStop(boolean enabled, BigDecimal positive, BigDecimal positiveOffset,
    boolean onlyOffsetIsReached) {

  public static final TrailingStop OFF = new TrailingStop(false, null, BigDecimal.ZERO, false);

  /**
   * @throws IllegalArgumentException naming the Freqtrade setting that is inconsistent
   */
  public TrailingStop {
    if (positiveOffset == null || positiveOffset.signum() < 0) {
      throw new IllegalArgumentException("trailing_stop_positive_offset must be 0 or more, got " + positiveOffset);
    }
    if (positive != null && (positive.signum() <= 0 || positive.compareTo(BigDecimal.ONE) >= 0)) {
      throw new IllegalArgumentException("trailing_stop_positive must be within (0, 1), got " + positive);
    }
    if (enabled && onlyOffsetIsReached && positiveOffset.signum() == 0) {
      throw new IllegalArgumentException(
          "trailing_only_offset_is_reached needs trailing_stop_positive_offset to be more than 0");
    }
    if (enabled && positive != null && positiveOffset.signum() > 0 && positiveOffset.compareTo(positive) <= 0) {
      throw new IllegalArgumentException(
          "trailing_stop_positive_offset needs to be greater than trailing_stop_positive");
    }
  }

  /** A trailing stop at the stoploss distance. */
  public static TrailingStop atStoplossDistance() {
    return new TrailingStop(true, null, BigDecimal.ZERO, false);
  }

  /** A trailing stop at {@code positive} once the profit is above {@code offset}. */
  public static TrailingStop positive(BigDecimal positive, BigDecimal offset, boolean onlyOffsetIsReached) {
    return new TrailingStop(true, positive, offset, onlyOffsetIsReached);
  }
}
