package dev.tradingsystem.risk.monitor;

import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.SymbolExposure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Exposure of the account per symbol and in total: net quantity over every strategy, gross
 * notional (the sum of each strategy's absolute position notional, so a long and a short in one
 * symbol both count) and net notional (signed, long positive).
 */
public final class ExposureMonitor {

  /** Per-symbol exposures (sorted by symbol) and the totals, micros. */
  public record Exposure(List<SymbolExposure> symbols, long grossMicros, long netMicros) {
  }

  private ExposureMonitor() {
  }

  /**
   * @param absoluteNotional a position's absolute notional at the freshest mark, micros
   */
  public static Exposure measure(PortfolioState state, ToLongFunction<Position> absoluteNotional) {
    Map<String, SymbolExposure.Builder> bySymbol = new TreeMap<>();
    long gross = 0;
    long net = 0;
    for (Position position : state.getPositionsList()) {
      if (position.getQuantity() == 0) {
        continue;
      }
      long notional = absoluteNotional.applyAsLong(position);
      long signed = position.getQuantity() > 0 ? notional : -notional;
      SymbolExposure.Builder symbol = bySymbol.computeIfAbsent(position.getInstrument().getSymbol(),
          s -> SymbolExposure.newBuilder().setInstrument(position.getInstrument()));
      symbol.setNetQuantity(symbol.getNetQuantity() + position.getQuantity())
          .setGrossNotionalMicros(symbol.getGrossNotionalMicros() + notional)
          .setNetNotionalMicros(symbol.getNetNotionalMicros() + signed);
      gross += notional;
      net += signed;
    }
    List<SymbolExposure> symbols = new ArrayList<>();
    bySymbol.values().forEach(b -> symbols.add(b.build()));
    return new Exposure(List.copyOf(symbols), gross, net);
  }
}
