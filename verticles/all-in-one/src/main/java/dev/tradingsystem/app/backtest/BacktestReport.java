package dev.tradingsystem.app.backtest;

import dev.tradingsystem.app.RunReport;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.BacktestResult;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import dev.tradingsystem.app.backtest.performance.PerformanceStats;
import dev.tradingsystem.app.backtest.performance.ReturnSampling;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest's machine-readable report ({@code --report FILE.json}) and its terminal table.
 * {@code strategies.<id>} carries the strategy's numbers and {@code pairs.<pair>} the same numbers
 * per pair, and for a market maker {@code marketMaking} its fills against the mid
 * ({@link MarketMakingReport}); {@code run} is the ordinary run report of the same replay.
 */
public final class BacktestReport {

  private BacktestReport() {
  }

  /** The report; money in quote currency, ratios as fractions except the {@code ...Pct} keys. */
  public static JsonObject toJson(BacktestResult result, RunReport run) {
    JsonObject strategies = new JsonObject();
    for (StrategyResult s : result.strategies()) {
      JsonObject pairs = new JsonObject();
      for (Map.Entry<String, PerformanceStats> pair : s.pairs().entrySet()) {
        pairs.put(pair.getKey(), stats(pair.getValue()));
      }
      JsonObject strategy = stats(s.stats()).put("pairs", pairs);
      s.marketMaking().ifPresent(mm -> strategy.put("marketMaking", MarketMakingReport.toJson(mm)));
      strategies.put(s.strategyId(), strategy);
    }
    ReturnSampling sampling = ReturnSampling.forSpan(result.endUs() - result.startUs());
    return new JsonObject()
        .put("startTimeUs", result.startUs())
        .put("endTimeUs", result.endUs())
        .put("returns", sampling.label())
        .put("annualisation", "sqrt(" + sampling.periodsPerYear() + ")")
        .put("definitions", new JsonObject()
            .put("trade", "flat to flat per strategy and pair, fills in arrival order; profit net of every fee")
            .put("sharpe", "mean / population stdev of " + sampling.label() + " equity returns x sqrt(periods per year)")
            .put("sortino", "mean / sqrt(mean(min(r,0)^2)) of the same returns x sqrt(periods per year)")
            .put("calmar", "cagr / maxDrawdown")
            .put("profitFactor", "gross profit / gross loss of closed trades (0 without losses)")
            .put("exposure", "time with a position open / span")
            .put("pairs", "the same numbers per pair, on the strategy's capital and that pair's P&L curve")
            .put("marketMaking", MarketMakingReport.DEFINITION))
        .put("strategies", strategies)
        .put("run", run.toJson());
  }

  private static JsonObject stats(PerformanceStats p) {
    return new JsonObject()
        .put("trades", p.trades())
        .put("openTrades", p.openTrades())
        .put("wins", p.wins())
        .put("losses", p.losses())
        .put("draws", p.draws())
        .put("winRate", finite(p.winRate()))
        .put("profitTotal", finite(p.profitTotal()))
        .put("profitTotalPct", finite(p.profitTotalPct()))
        .put("startingCapital", finite(p.startingCapital()))
        .put("finalEquity", finite(p.finalEquity()))
        .put("cagr", finite(p.cagr()))
        .put("sharpe", finite(p.sharpe()))
        .put("sortino", finite(p.sortino()))
        .put("calmar", finite(p.calmar()))
        .put("maxDrawdown", finite(p.maxDrawdown()))
        .put("maxDrawdownDurationSeconds", p.maxDrawdownDurationSeconds())
        .put("profitFactor", finite(p.profitFactor()))
        .put("expectancy", finite(p.expectancy()))
        .put("expectancyRatio", finite(p.expectancyRatio()))
        .put("exposure", finite(p.exposure()))
        .put("fees", finite(p.fees()));
  }

  /** JSON has no infinity: an annualised number that overflows (CAGR of a short run) is written as null. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** One line per strategy and pair for the terminal. */
  public static String toText(BacktestResult result) {
    StringBuilder out = new StringBuilder("\n=== backtest ===\n");
    out.append(String.format(Locale.ROOT, "%-34s %7s %7s %12s %9s %8s %8s %8s %9s %8s %9s%n", "strategy / pair",
        "trades", "win%", "profit", "profit%", "sharpe", "sortino", "calmar", "maxDD%", "PF", "fees"));
    for (StrategyResult s : result.strategies()) {
      line(out, s.strategyId(), s.stats());
      for (Map.Entry<String, PerformanceStats> pair : s.pairs().entrySet()) {
        line(out, "  " + pair.getKey(), pair.getValue());
      }
    }
    return out.append(MarketMakingReport.toText(result.strategies())).toString();
  }

  private static void line(StringBuilder out, String label, PerformanceStats p) {
    out.append(String.format(Locale.ROOT, "%-34s %7d %7.1f %12.2f %9.3f %8.2f %8.2f %8.2f %9.3f %8.2f %9.2f%n",
        label, p.trades(), p.winRate() * 100, p.profitTotal(), p.profitTotalPct(), p.sharpe(), p.sortino(),
        p.calmar(), p.maxDrawdown() * 100, p.profitFactor(), p.fees()));
  }
}
