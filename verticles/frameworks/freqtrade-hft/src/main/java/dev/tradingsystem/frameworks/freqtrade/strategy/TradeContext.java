package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;

/**
 * The arguments of Freqtrade's per-trade callbacks ({@code custom_stoploss}, {@code custom_exit},
 * {@code confirm_trade_exit}, {@code adjust_trade_position}) in one value.
 *
 * @param input         the current row of the pair
 * @param trade         the open trade
 * @param currentRate   the price the decision is taken at, quote currency
 * @param currentProfit profit ratio at {@code currentRate}, net of the configured entry and exit fees
 * @param nowMicros     event time of the decision
 */
public record TradeContext(StrategyInput input, OpenTrade trade, BigDecimal currentRate, BigDecimal currentProfit,
    long nowMicros) {
}
