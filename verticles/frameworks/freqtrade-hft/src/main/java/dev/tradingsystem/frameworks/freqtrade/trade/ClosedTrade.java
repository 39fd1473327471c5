package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import java.math.BigDecimal;

/**
 * A finished trade as protections and the run report see it.
 *
 * @param pair          the pair
 * @param side          long or short
 * @param openedAtMicros event time the position was first seen
 * @param closedAtMicros event time the snapshot first showed it closed (the tick of the closing fill)
 * @param profitRatio   Freqtrade's {@code close_profit}: net profit (realised P&amp;L minus every fee
 *                      of the trade) over the quote currency the entries committed
 * @param profitMicros  net profit in micros of quote currency
 * @param exitLabel     the exit reason the framework sent ({@code roi}, {@code stop_loss},
 *                      {@code exit_signal:<tag>}, ...), {@code external} when it did not close it
 */
public record ClosedTrade(String pair, TradeSide side, long openedAtMicros, long closedAtMicros,
    BigDecimal profitRatio, long profitMicros, String exitLabel) {

  /** The exit type, {@link ExitReason#NONE} for an external close. */
  public ExitReason exitReason() {
    return ExitReason.ofLabel(exitLabel);
  }
}
