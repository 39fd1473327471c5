package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * The Avellaneda–Stoikov strategy's own parameters (the order management is {@link CycleSettings}).
 *
 * @param riskFactor                γ (Hummingbot {@code risk_factor})
 * @param kappa                     κ per price unit: used when estimation is off or not yet ready
 * @param estimateKappa             estimate κ from trades (needs a book: trade distance from the mid)
 * @param intensityWindowSeconds    trades the κ fit looks back on (Hummingbot {@code trading_intensity_buffer_size})
 * @param intensityMinTrades        trades a κ grid level needs
 * @param volatilityHalfLifeSeconds half-life of the σ estimate (Hummingbot {@code volatility_buffer_size})
 * @param volatilityMinSamples      mid returns before the σ estimate replaces the features' volatility
 * @param horizonSeconds            T in seconds: the time unit σ² is scaled to; 1 is Hummingbot's scaling
 * @param timeframe                 Hummingbot {@code execution_timeframe_mode}
 * @param minSpreadPct              Hummingbot {@code min_spread}, percent of the mid
 * @param consensusSkewBps          reservation shift per unit of quorum consensus score, bps
 * @param inventoryTargetBasePct    Hummingbot {@code inventory_target_base_pct}: share of the strategy's
 *                                  value to hold in base; q is measured against it
 * @param orderAmount               Hummingbot {@code order_amount}, base units
 * @param maxInventory              largest |position| a fill may leave, base units; the side that would
 *                                  go beyond is not quoted
 */
public record AvellanedaStoikovSettings(
    double riskFactor,
    double kappa,
    boolean estimateKappa,
    double intensityWindowSeconds,
    int intensityMinTrades,
    double volatilityHalfLifeSeconds,
    int volatilityMinSamples,
    double horizonSeconds,
    ExecutionTimeframe timeframe,
    double minSpreadPct,
    double consensusSkewBps,
    double inventoryTargetBasePct,
    double orderAmount,
    double maxInventory) {

  /** Grid levels of the κ fit: enough points for a slope, few enough that each level has trades. */
  public static final int INTENSITY_LEVELS = 10;

  public AvellanedaStoikovSettings {
    if (!(riskFactor > 0) || !(kappa > 0) || !(intensityWindowSeconds > 0) || intensityMinTrades < 1
        || !(volatilityHalfLifeSeconds > 0) || volatilityMinSamples < 1 || !(horizonSeconds > 0)
        || timeframe == null || !(minSpreadPct >= 0) || !(consensusSkewBps >= 0)
        || !(inventoryTargetBasePct >= 0 && inventoryTargetBasePct <= 100) || !(orderAmount > 0)
        || !(maxInventory > 0)) {
      throw new IllegalArgumentException("invalid Avellaneda-Stoikov settings");
    }
  }
}
