package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;

/**
 * The strategy's open trade on one pair as the portfolio reports it.
 *
 * @param quantity        absolute open quantity in size units
 * @param entryPrice      average entry price in quote currency (cost basis over quantity)
 * @param openedAtMicros  event time at which the position was first seen in the portfolio state
 */
public record OpenTrade(TradeSide side, long quantity, BigDecimal entryPrice, long openedAtMicros) {

  /** Whole minutes the trade has been open, floored as Freqtrade does. */
  public long minutesOpen(long nowMicros) {
    return Math.max(0, nowMicros - openedAtMicros) / 60_000_000L;
  }
}
