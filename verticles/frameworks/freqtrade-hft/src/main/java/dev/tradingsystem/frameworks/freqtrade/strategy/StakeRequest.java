package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;

/**
 * The arguments of Freqtrade's {@code custom_stake_amount}: what the wallet proposes for a new
 * trade and the bounds the framework will clamp the answer to. Amounts in quote currency.
 *
 * @param input         the row that triggered the entry
 * @param side          the direction of the trade
 * @param entryTag      the entry signal's tag
 * @param proposedStake what the stake rules give this trade ({@code stake_amount} or the unlimited share)
 * @param minStake      the smallest stake the pair accepts
 * @param maxStake      the largest stake allowed now (the maximum stake, capped by the available balance)
 */
public record StakeRequest(StrategyInput input, TradeSide side, String entryTag, BigDecimal proposedStake,
    BigDecimal minStake, BigDecimal maxStake) {
}
