package dev.tradingsystem.frameworks.hummingbot.quoting.pmm;

/**
 * Pure market making's proposal parameters, in Hummingbot's units (percentages as percent: 0.1
 * means 0.1 %). The order management (refresh, tolerance, hanging orders, fill delay, minimum
 * spread) is the shared {@code CycleSettings}.
 *
 * @param bidSpreadPct             {@code bid_spread}: first bid this far below the mid
 * @param askSpreadPct             {@code ask_spread}: first ask this far above the mid
 * @param orderLevels              {@code order_levels}: orders per side
 * @param orderLevelSpreadPct      {@code order_level_spread}: extra distance per level
 * @param orderAmount              {@code order_amount}: first level's size, base units
 * @param orderLevelAmount         {@code order_level_amount}: extra size per level, base units
 * @param inventorySkewEnabled     {@code inventory_skew_enabled}
 * @param inventoryTargetBasePct   {@code inventory_target_base_pct}: target share of value held in base
 * @param inventoryRangeMultiplier {@code inventory_range_multiplier}: skew range in multiples of the
 *                                 total order size of one side
 * @param priceCeiling             {@code price_ceiling}: at or above this mid only asks; ≤ 0 disables
 * @param priceFloor               {@code price_floor}: at or below this mid only bids; ≤ 0 disables
 */
public record PmmSettings(
    double bidSpreadPct,
    double askSpreadPct,
    int orderLevels,
    double orderLevelSpreadPct,
    double orderAmount,
    double orderLevelAmount,
    boolean inventorySkewEnabled,
    double inventoryTargetBasePct,
    double inventoryRangeMultiplier,
    double priceCeiling,
    double priceFloor) {

  public PmmSettings {
    if (!(bidSpreadPct >= 0) || !(askSpreadPct >= 0) || orderLevels < 1 || !(orderLevelSpreadPct >= 0)
        || !(orderAmount > 0) || !(orderLevelAmount >= 0) || !(inventoryTargetBasePct >= 0)
        || !(inventoryTargetBasePct <= 100) || !(inventoryRangeMultiplier > 0)
        || !Double.isFinite(priceCeiling) || !Double.isFinite(priceFloor)
        || (priceCeiling > 0 && priceFloor > 0 && priceFloor >= priceCeiling)) {
      throw new IllegalArgumentException("invalid pure market making settings");
    }
  }

  /** Hummingbot's {@code calculate_total_order_size}: the base amount of one side's levels. */
  public double totalOrderSize() {
    return orderLevels * orderAmount + orderLevels * (orderLevels - 1) / 2.0 * orderLevelAmount;
  }
}
