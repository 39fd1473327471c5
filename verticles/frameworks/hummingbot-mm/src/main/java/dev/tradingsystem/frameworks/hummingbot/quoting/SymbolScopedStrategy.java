package dev.tradingsystem.frameworks.hummingbot.quoting;

import java.util.Set;

/**
 * What every configured quoting strategy has: its id, the symbols it quotes (empty: all it is
 * shown) and its own intent-id sequence. The strategies add only how they price.
 */
public abstract class SymbolScopedStrategy implements QuotingStrategy {

  private final String id;
  private final Set<String> symbols;
  private final QuoteIntents intents;

  protected SymbolScopedStrategy(String id, Set<String> symbols) {
    this.id = id;
    this.symbols = Set.copyOf(symbols);
    this.intents = new QuoteIntents(id);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final boolean trades(String symbol) {
    return symbols.isEmpty() || symbols.contains(symbol);
  }

  @Override
  public final QuoteIntents intents() {
    return intents;
  }
}
