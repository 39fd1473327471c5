package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.CycleSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.hummingbot.quoting.pmm.PmmSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.pmm.PureMarketMaking;
import dev.tradingsystem.shared.ServiceNames;
import java.util.Set;

/**
 * One configured strategy, validated: what {@code hummingbot.strategy.<name>.*} says.
 *
 * @param name              the configured name; the strategy id is {@code hummingbot-mm.<name>}
 * @param kind              Avellaneda–Stoikov or pure market making
 * @param symbols           symbols quoted, empty for every symbol
 * @param avellanedaStoikov the model's parameters (Avellaneda–Stoikov only, else null)
 * @param pmm               the proposal's parameters (pure market making only, else null)
 * @param cycle             the shared order management
 */
public record StrategySpec(String name, StrategyConfigs.Kind kind, Set<String> symbols,
    AvellanedaStoikovSettings avellanedaStoikov, PmmSettings pmm, CycleSettings cycle) {

  public StrategySpec {
    symbols = Set.copyOf(symbols);
  }

  public String id() {
    return ServiceNames.HUMMINGBOT + "." + name;
  }

  /** A fresh strategy with empty memory. */
  public QuotingStrategy build() {
    return kind == StrategyConfigs.Kind.PURE_MARKET_MAKING
        ? new PureMarketMaking(id(), symbols, pmm, cycle)
        : new AvellanedaStoikovMaker(id(), symbols, avellanedaStoikov, cycle);
  }
}
