package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * The order management every Hummingbot strategy shares, as {@link QuoteCycle} applies it.
 *
 * @param refresh                Hummingbot {@code order_refresh_time} and {@code order_refresh_tolerance_pct}
 * @param maxOrderAgeMicros      {@code max_order_age}: a resting order older than this is replaced even
 *                               when within tolerance (stale queue position, venue-side expiry)
 * @param filledOrderDelayMicros {@code filled_order_delay}: no new orders this long after a fill, so a
 *                               trending market does not fill the maker again and again on one side
 * @param minimumSpreadPct       {@code minimum_spread}: a resting order closer than this to the mid, in
 *                               percent, is cancelled at once; negative disables
 * @param hangingOrdersEnabled   {@code hanging_orders_enabled}: keep the other side of a filled level pair
 * @param hangingOrdersCancelPct {@code hanging_orders_cancel_pct}: cancel a hanging order this far from
 *                               the mid, in percent
 * @param budgetConstraint       spot-style budget: bids limited by the quote balance, asks by the base
 *                               held (Hummingbot's {@code c_apply_budget_constraint}); off lets the
 *                               strategy go short within its other limits
 */
public record CycleSettings(
    RefreshPolicy refresh,
    long maxOrderAgeMicros,
    long filledOrderDelayMicros,
    double minimumSpreadPct,
    boolean hangingOrdersEnabled,
    double hangingOrdersCancelPct,
    boolean budgetConstraint) {

  public CycleSettings {
    if (refresh == null || maxOrderAgeMicros < 1 || filledOrderDelayMicros < 0
        || !Double.isFinite(minimumSpreadPct) || !(hangingOrdersCancelPct >= 0)
        || !Double.isFinite(hangingOrdersCancelPct)) {
      throw new IllegalArgumentException("invalid cycle settings");
    }
  }
}
