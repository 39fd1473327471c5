package dev.tradingsystem.app.backtest.performance;

/**
 * One round trip of a strategy in one pair: from flat, through every entry (DCA included) and
 * partial exit, back to flat — Freqtrade's notion of a trade.
 *
 * @param entryMicros notional of every entry fill, micros of quote currency (the stake)
 * @param exitMicros notional of every exit fill, micros
 * @param feesMicros fees of every fill of the trade, micros
 * @param netProfitMicros exit minus entry notional for a long (entry minus exit for a short) minus fees
 */
public record ClosedTrade(String strategyId, String pair, boolean isShort, long openTimeUs, long closeTimeUs,
    long entryMicros, long exitMicros, long feesMicros, long netProfitMicros) {

  /** Net profit over the stake (Freqtrade's {@code profit_ratio}); 0 for a zero stake. */
  public double profitRatio() {
    return entryMicros == 0 ? 0.0 : (double) netProfitMicros / entryMicros;
  }
}
