package dev.tradingsystem.app.backtest;

import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import dev.tradingsystem.app.backtest.performance.FillEdge;
import dev.tradingsystem.app.backtest.performance.InventoryPath;
import dev.tradingsystem.app.backtest.performance.MarketMakingStats;
import dev.tradingsystem.app.backtest.performance.MarketMakingStats.Horizon;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The market makers' block of the backtest report: {@code strategies.<id>.marketMaking} in the
 * JSON and a compact table under the terminal's. Money in quote currency, sizes in base units.
 */
final class MarketMakingReport {

  /** The definitions the JSON report carries next to its numbers. */
  static final String DEFINITION = "for hummingbot-mm.* strategies, from the fills and the mids the run published "
      + "(features.tick: the book mid, else the last trade; market.quotes: top of book). s = +1 buy / -1 sell, "
      + "p price, q size, m the mid in force before the filling event (its own book mid; a trade does not move the book), "
      + "m(h) the mid h of event time later, M the last mid. spreadCaptureBps = sum s(m-p)q / sum pq x 1e4; "
      + "markoutBps.h = sum s(m(h)-m)q / sum pq x 1e4 over fills whose h is inside the data, negative = adverse "
      + "selection; pnl.spreadCapture = sum s(m-p)q; pnl.inventory = sum s(M-m)q (position x mid moves); "
      + "pnl.net = spreadCapture + inventory - fees (inventory at the last mid); inventory in base units, flat at the start";

  private MarketMakingReport() {
  }

  /** {@code marketMaking}: the strategy's fills over every pair, then {@code pairs.<pair>} with base units. */
  static JsonObject toJson(MarketMakingStats stats) {
    JsonObject pairs = new JsonObject();
    for (Map.Entry<String, MarketMakingStats.Pair> pair : stats.pairs().entrySet()) {
      InventoryPath inventory = pair.getValue().inventory();
      pairs.put(pair.getKey(), edge(pair.getValue().edge())
          .put("bought", inventory.bought())
          .put("sold", inventory.sold())
          .put("inventory", new JsonObject().put("min", inventory.min()).put("max", inventory.max())
              .put("end", inventory.end())));
    }
    return edge(stats.edge()).put("pairs", pairs);
  }

  private static JsonObject edge(FillEdge edge) {
    JsonObject markouts = new JsonObject();
    JsonObject markoutFills = new JsonObject();
    for (int h = 0; h < MarketMakingStats.HORIZONS.size(); h++) {
      String label = MarketMakingStats.HORIZONS.get(h).label();
      double bps = edge.markoutBps(h);
      markouts.put(label, Double.isFinite(bps) ? bps : null);
      markoutFills.put(label, edge.markoutFills().get(h));
    }
    return new JsonObject()
        .put("fills", edge.fills())
        .put("makerFills", edge.makerFills())
        .put("takerFills", edge.takerFills())
        .put("fillsWithoutMid", edge.fillsWithoutMid())
        .put("boughtNotional", edge.boughtNotional())
        .put("soldNotional", edge.soldNotional())
        .put("spreadCaptureBps", edge.spreadCaptureBps())
        .put("markoutBps", markouts)
        .put("markoutFills", markoutFills)
        .put("pnl", new JsonObject()
            .put("spreadCapture", edge.spreadPnl())
            .put("inventory", edge.inventoryPnl())
            .put("fees", edge.fees())
            .put("net", edge.netPnl()));
  }

  /** The table: one line per market maker and one per pair; empty without a market maker. */
  static String toText(List<StrategyResult> strategies) {
    StringBuilder out = new StringBuilder();
    for (StrategyResult s : strategies) {
      if (s.marketMaking().isEmpty()) {
        continue;
      }
      if (out.isEmpty()) {
        out.append("\n=== market making (spread and mark-outs in bps vs. the mid; inventory in base units) ===\n")
            .append(String.format(Locale.ROOT, "%-34s %6s %6s %8s", "strategy / pair", "maker", "taker", "spread"));
        for (Horizon h : MarketMakingStats.HORIZONS) {
          out.append(String.format(Locale.ROOT, " %8s", "mo " + h.label()));
        }
        out.append(String.format(Locale.ROOT, " %11s %11s %11s %11s %11s %11s%n", "spread P&L", "inv P&L",
            "net P&L", "inv min", "inv max", "inv end"));
      }
      MarketMakingStats mm = s.marketMaking().get();
      line(out, s.strategyId(), mm.edge()).append(System.lineSeparator());
      for (Map.Entry<String, MarketMakingStats.Pair> pair : mm.pairs().entrySet()) {
        InventoryPath inventory = pair.getValue().inventory();
        line(out, "  " + pair.getKey(), pair.getValue().edge()).append(String.format(Locale.ROOT,
            " %11.6f %11.6f %11.6f%n", inventory.min(), inventory.max(), inventory.end()));
      }
    }
    return out.toString();
  }

  private static StringBuilder line(StringBuilder out, String label, FillEdge edge) {
    out.append(String.format(Locale.ROOT, "%-34s %6d %6d %8.2f", label, edge.makerFills(), edge.takerFills(),
        edge.spreadCaptureBps()));
    for (int h = 0; h < MarketMakingStats.HORIZONS.size(); h++) {
      out.append(String.format(Locale.ROOT, " %8.2f", edge.markoutBps(h)));
    }
    return out.append(String.format(Locale.ROOT, " %11.2f %11.2f %11.2f", edge.spreadPnl(), edge.inventoryPnl(),
        edge.netPnl()));
  }
}
