package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The stop price of one trade, moved exactly as Freqtrade's {@code Trade.adjust_stop_loss} moves
 * it: set once from the open rate, then only ever tightened (up for a long, down for a short);
 * every tightening marks the stop as trailing, so a later hit is reported as
 * {@code trailing_stop_loss}. Prices are rounded to the instrument's tick the way Freqtrade rounds
 * to price precision (a long's stop up, a short's down). Not thread-safe: one owner.
 */
public final class StopLoss {

  private final TradeSide side;
  private final BigDecimal tick;
  private BigDecimal price;
  private BigDecimal initialPrice;
  private BigDecimal ratio;
  private boolean trailing;

  /** @param tick the instrument's price increment in quote currency (0.01 for cents) */
  public StopLoss(TradeSide side, BigDecimal tick) {
    this.side = side;
    this.tick = tick.signum() > 0 ? tick : BigDecimal.ONE.movePointLeft(8);
  }

  /** Sets the first stop from the open rate; does nothing once a stop exists. */
  public void initialize(BigDecimal openRate, BigDecimal stoploss) {
    if (price == null) {
      adjust(openRate, stoploss, false);
    }
  }

  /**
   * Puts the stop |{@code stoploss}| away from {@code currentPrice} if that tightens it (or always
   * with {@code allowRefresh}); the first call sets the initial stop.
   */
  public void adjust(BigDecimal currentPrice, BigDecimal stoploss, boolean allowRefresh) {
    BigDecimal distance = stoploss.abs();
    BigDecimal raw = side == TradeSide.LONG
        ? currentPrice.multiply(BigDecimal.ONE.subtract(distance))
        : currentPrice.multiply(BigDecimal.ONE.add(distance));
    BigDecimal candidate = toTick(raw, side == TradeSide.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR);
    if (price == null) {
      price = candidate;
      initialPrice = candidate;
      ratio = distance.negate();
      return;
    }
    boolean tighter = side == TradeSide.LONG ? candidate.compareTo(price) > 0 : candidate.compareTo(price) < 0;
    if (allowRefresh || tighter) {
      if (!allowRefresh) {
        trailing = true;
      }
      price = candidate;
      ratio = distance.negate();
    }
  }

  /** Whether {@code currentPrice} is at or through the stop. */
  public boolean isHit(BigDecimal currentPrice) {
    return price != null && (side == TradeSide.LONG ? price.compareTo(currentPrice) >= 0
        : price.compareTo(currentPrice) <= 0);
  }

  /** Whether {@code currentPrice} is still on the safe side of the stop (Freqtrade's {@code dir_correct}). */
  public boolean isBelowPrice(BigDecimal currentPrice) {
    return side == TradeSide.LONG ? price.compareTo(currentPrice) < 0 : price.compareTo(currentPrice) > 0;
  }

  /** The stop price, null before {@link #initialize}. */
  public BigDecimal price() {
    return price;
  }

  public BigDecimal initialPrice() {
    return initialPrice;
  }

  /** The ratio the stop was last set with, negative. */
  public BigDecimal ratio() {
    return ratio;
  }

  /** Whether the stop has moved since it was first set. */
  public boolean isTrailing() {
    return trailing;
  }

  private BigDecimal toTick(BigDecimal value, RoundingMode mode) {
    return value.divide(tick, 0, mode).multiply(tick);
  }
}
