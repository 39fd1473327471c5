package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;

/**
 * Freqtrade's {@code ProtectionReturn}: lock until {@code untilMicros} (before rounding to the next
 * candle) for {@code reason}, on one side or both ({@code side} null, Freqtrade's {@code "*"}).
 */
public record LockRequest(long untilMicros, String reason, TradeSide side) {
}
