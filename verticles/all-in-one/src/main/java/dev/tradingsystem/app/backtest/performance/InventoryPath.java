package dev.tradingsystem.app.backtest.performance;

import java.util.List;

/**
 * A market maker's inventory in one pair over a run, in base units: flat at the start, moved by
 * each fill in the order they happened.
 *
 * @param bought base units bought
 * @param sold base units sold
 * @param min lowest position reached (0 or below: the run starts flat)
 * @param max highest position reached (0 or above)
 * @param end position at the end
 */
public record InventoryPath(double bought, double sold, double min, double max, double end) {

  /** The path of {@code fills} (one pair's, in order). */
  public static InventoryPath of(List<LiquidityFill> fills) {
    double bought = 0;
    double sold = 0;
    double position = 0;
    double min = 0;
    double max = 0;
    for (LiquidityFill f : fills) {
      if (f.buy()) {
        bought += f.quantity();
      } else {
        sold += f.quantity();
      }
      position += f.sign() * f.quantity();
      min = Math.min(min, position);
      max = Math.max(max, position);
    }
    return new InventoryPath(bought, sold, min, max, position);
  }

  /** The largest |position| reached. */
  public double maxAbs() {
    return Math.max(max, -min);
  }
}
