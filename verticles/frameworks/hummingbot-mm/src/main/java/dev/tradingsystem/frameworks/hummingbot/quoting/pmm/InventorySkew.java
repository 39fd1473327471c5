package dev.tradingsystem.frameworks.hummingbot.quoting.pmm;

/**
 * Hummingbot's inventory skew ({@code inventory_skew_calculator.calculate_bid_ask_ratios_from_base_asset_ratio}):
 * order sizes are scaled so the base holding drifts back to its target share of the portfolio.
 * <pre>
 *   total   = base·price + quote
 *   range   = min(baseRange·price, total/2)          baseRange = total order size × range multiplier
 *   target  = total · targetBaseRatio
 *   below target: bid ratio = interp(base value, [max(target − range, 0), target] → [2, 1])
 *   above target: bid ratio = interp(base value, [target, target + range] → [1, 0])
 *   ask ratio = 2 − bid ratio
 * </pre>
 * Interpolation clamps at the ends (numpy's {@code interp}), so the ratios stay in [0, 2]: at or
 * beyond the range the maker only bids (short of target) or only asks (long of target). An empty
 * portfolio or range gives both ratios 0 (no orders), as in Hummingbot.
 */
public final class InventorySkew {

  /** Multipliers of bid and ask sizes. */
  public record Ratios(double bid, double ask) {
  }

  private InventorySkew() {
  }

  /**
   * @param base            base units held
   * @param quote           quote currency held
   * @param price           reference (mid) price
   * @param targetBaseRatio share of the portfolio value to hold in base, [0, 1]
   * @param baseRange       base units over which the ratios move from 1 to their extremes
   */
  public static Ratios ratios(double base, double quote, double price, double targetBaseRatio, double baseRange) {
    double total = base * price + quote;
    if (!(total > 0) || !(baseRange > 0)) {
      return new Ratios(0, 0);
    }
    double baseValue = base * price;
    double rangeValue = Math.min(baseRange * price, total * 0.5);
    double targetValue = total * targetBaseRatio;
    double left = Math.max(targetValue - rangeValue, 0);
    double right = targetValue + rangeValue;
    double bid;
    if (baseValue < targetValue) {
      double leftRatio = interp(baseValue, left, targetValue, 0.0, 0.5);
      bid = interp(leftRatio, 0, 0.5, 2.0, 1.0);
    } else {
      double rightRatio = interp(baseValue, targetValue, right, 0.5, 1.0);
      bid = interp(rightRatio, 0.5, 1.0, 1.0, 0.0);
    }
    return new Ratios(bid, 2.0 - bid);
  }

  /** numpy.interp on two points: y0 left of x0, y1 from x1 on (also when x0 = x1), linear between. */
  static double interp(double x, double x0, double x1, double y0, double y1) {
    if (x < x0) {
      return y0;
    }
    if (x >= x1) {
      return y1;
    }
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
  }
}
