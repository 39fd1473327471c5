package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.coordinator.state.MarketWatch;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolRejection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code symbol} argument: the schema checks its form, this checks that the coordinator has
 * seen market data for it, so that a misspelt or untraded symbol gets a message listing the
 * symbols it can ask about instead of an empty answer.
 */
final class SymbolGuard {

  /** Same form as {@code Instruments.isValidSymbol}: CCXT BASE/QUOTE. */
  static final String PATTERN = "^[A-Z0-9]{2,12}/[A-Z0-9]{2,12}$";

  private final MarketWatch market;
  private final CoordinatorState state;

  SymbolGuard(MarketWatch market, CoordinatorState state) {
    this.market = market;
    this.state = state;
  }

  static SchemaProperty property() {
    return SchemaProperty.string("Instrument symbol in CCXT notation BASE/QUOTE, upper case, e.g. BTC/USD")
        .pattern(PATTERN);
  }

  /**
   * @return the symbol when the coordinator has features or a consensus for it
   * @throws ToolRejection {@code unknown_symbol} otherwise, naming the symbols it knows
   */
  String known(String symbol) {
    Set<String> known = known();
    if (known.contains(symbol)) {
      return symbol;
    }
    throw new ToolRejection("unknown_symbol", known.isEmpty()
        ? "Unknown symbol '" + symbol + "': the coordinator has not seen any market data yet "
            + "(features arrive once the data-collector replays or streams a market)"
        : "Unknown symbol '" + symbol + "'; the coordinator has market data for " + known);
  }

  private Set<String> known() {
    Set<String> known = new LinkedHashSet<>(market.symbols());
    known.addAll(state.symbols());
    return known;
  }
}
