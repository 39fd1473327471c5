package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;

/**
 * What a strategy sees of its open trade on one pair, like Freqtrade's {@code Trade} object in a
 * callback. Quantity and open rate come from the portfolio snapshot; the rest is the framework's
 * own bookkeeping on the event clock.
 *
 * @param pair              the pair, {@code BTC/USD}
 * @param quantity          absolute open quantity in size units
 * @param openRate          average entry price in quote currency (cost basis over quantity)
 * @param openedAtMicros    event time of the first snapshot that showed the position (its fill)
 * @param entryTag          the tag of the entry signal that opened it, empty when unknown
 * @param successfulEntries {@code nr_of_successful_entries}: 1 plus filled position adjustments
 * @param stakeAmount       quote currency committed by the entries (cost basis of what was bought)
 * @param maxRate           highest price seen since open
 * @param minRate           lowest price seen since open
 * @param stopPrice         the current stoploss price, null before the first check
 */
public record OpenTrade(String pair, TradeSide side, long quantity, BigDecimal openRate, long openedAtMicros,
    String entryTag, int successfulEntries, BigDecimal stakeAmount, BigDecimal maxRate, BigDecimal minRate,
    BigDecimal stopPrice) {

  private static final long MINUTE_US = 60_000_000L;

  /** A fresh trade with one entry and no history (tests, examples). */
  public static OpenTrade of(TradeSide side, long quantity, BigDecimal openRate, long openedAtMicros) {
    return new OpenTrade("", side, quantity, openRate, openedAtMicros, "", 1, BigDecimal.ZERO, openRate, openRate,
        null);
  }

  /** Whole minutes the trade has been open, floored as Freqtrade does. */
  public long minutesOpen(long nowMicros) {
    return Math.max(0, nowMicros - openedAtMicros) / MINUTE_US;
  }

  public boolean isShort() {
    return side == TradeSide.SHORT;
  }
}
