package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;

/**
 * A lock against new entries, Freqtrade's {@code PairLock}.
 *
 * @param pair           the pair, or {@link PairLocks#ALL_PAIRS} for every pair
 * @param lockedAtMicros event time the lock was taken
 * @param untilMicros    event time it ends (exclusive), on a candle boundary
 * @param reason         which protection and why
 * @param side           the side it blocks; null blocks both (Freqtrade's {@code "*"})
 */
public record PairLock(String pair, long lockedAtMicros, long untilMicros, String reason, TradeSide side) {
}
