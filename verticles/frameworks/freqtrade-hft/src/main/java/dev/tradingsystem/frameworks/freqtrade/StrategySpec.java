package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.Parameters;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.trade.ExitSettings;
import dev.tradingsystem.frameworks.freqtrade.trade.StakeRules;
import dev.tradingsystem.frameworks.freqtrade.trade.TradeManager;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protection;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protections;
import java.util.List;
import java.util.Set;

/**
 * One configured strategy instance ({@code frameworks.freqtrade.strategies.<name>}), validated:
 * what Freqtrade spreads over a bot's config and its strategy class.
 *
 * @param name        the instance name, the last part of its id
 * @param id          {@code freqtrade-hft.<name>}: strategy id of its intents, orders and positions
 * @param type        the strategy class ({@link Strategies})
 * @param pairs       the pairs it trades; empty for every pair the feed carries
 * @param parameters  the class's parameters as configured
 * @param strategy    the strategy, built from them
 * @param trading     order type, shorting, unfilled timeout, position adjustment
 * @param exits       ROI, stoploss, trailing, exit signal and time exit settings
 * @param stake       wallet and stake amount rules
 * @param protections the configured protections, in order
 * @param timeframe   the candle length protections count in
 */
public record StrategySpec(String name, String id, String type, Set<String> pairs, Parameters parameters,
    Strategy strategy, TradeManager.Settings trading, ExitSettings exits, StakeRules.Settings stake,
    List<Protection> protections, Timeframe timeframe) {

  /** Whether this strategy trades {@code symbol}. */
  public boolean trades(String symbol) {
    return pairs.isEmpty() || pairs.contains(symbol);
  }

  /** A fresh trade manager for this strategy (one per service start). */
  public TradeManager newManager() {
    return new TradeManager(id, strategy, trading, exits, new StakeRules(stake), new Protections(protections, timeframe));
  }
}
