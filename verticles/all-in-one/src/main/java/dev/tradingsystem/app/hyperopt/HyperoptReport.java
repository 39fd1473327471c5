package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.app.backtest.performance.PerformanceStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hyperopt}'s output: one progress line per epoch as Freqtrade prints them, the best epoch
 * with its numbers, parameters and a config fragment to paste, and the machine-readable report
 * ({@code --report FILE.json}: every trial and the best).
 */
public final class HyperoptReport {

  private HyperoptReport() {
  }

  /** {@code "   3/30 *  trades 26  avg profit -0.33%  total profit -84.65 (-0.34%)  loss 33.57  12.7 s"}. */
  public static String epochLine(TrialResult t, int epochs, boolean newBest) {
    PerformanceStats s = t.stats();
    int width = Integer.toString(epochs).length();
    return String.format(Locale.ROOT, "%" + width + "d/%d %s trades %5d  avg profit %7.3f%%  total profit %12.2f (%8.3f%%)"
            + "  loss %12.5f  %5.1f s", t.epoch(), epochs, newBest ? "*" : " ", s.trades(), t.avgProfitPct(),
        s.profitTotal(), s.profitTotalPct(), t.loss(), t.seconds());
  }

  /** The best epoch, its numbers and parameters, and the config fragment. */
  public static String bestText(String strategyName, TrialResult best, HyperoptLoss loss) {
    PerformanceStats s = best.stats();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%nBest result: epoch %d, loss %.5f (%s)%n", best.epoch(), best.loss(),
        loss.freqtradeName()));
    out.append(String.format(Locale.ROOT, "  trades %d (%d wins, %d losses, %d draws), avg profit %.3f%%, total profit "
            + "%.2f (%.3f%%)%n", s.trades(), s.wins(), s.losses(), s.draws(), best.avgProfitPct(), s.profitTotal(),
        s.profitTotalPct()));
    out.append(String.format(Locale.ROOT, "  sharpe %.3f  sortino %.3f  calmar %.3f  max drawdown %.3f%%  fees %.2f%n",
        s.sharpe(), s.sortino(), s.calmar(), s.maxDrawdown() * 100, s.fees()));
    out.append("  params:\n");
    best.params().forEach((name, value) -> out.append("    ").append(name).append(" = ").append(value).append('\n'));
    out.append("Config fragment (paste into --config):\n").append(configFragment(strategyName, best.settings())
        .encodePrettily()).append('\n');
    return out.toString();
  }

  /** {@code {"frameworks": {"freqtrade": {"strategies": {"<name>": settings}}}}}. */
  public static JsonObject configFragment(String strategyName, Map<String, Object> settings) {
    return new JsonObject().put("frameworks", new JsonObject().put("freqtrade", new JsonObject()
        .put("strategies", new JsonObject().put(strategyName, json(settings)))));
  }

  /** Every trial and the best; numbers as in the backtest report. */
  public static JsonObject toJson(String strategyId, String strategyName, HyperoptSearch.Settings settings,
      List<String> spaces, List<SearchDimension> dimensions, List<String> isolation, List<TrialResult> trials) {
    JsonArray all = new JsonArray();
    trials.forEach(t -> all.add(trial(t)));
    TrialResult best = HyperoptSearch.best(trials);
    JsonArray axes = new JsonArray();
    dimensions.forEach(d -> axes.add(new JsonObject().put("name", d.name()).put("kind", d.kind().name().toLowerCase(Locale.ROOT))
        .put("low", d.low()).put("high", d.high()).put("step", d.step())));
    return new JsonObject()
        .put("strategy", strategyId)
        .put("loss", settings.loss().id())
        .put("epochs", settings.epochs())
        .put("jobs", settings.jobs())
        .put("minTrades", settings.minTrades())
        .put("randomState", settings.seed())
        .put("spaces", new JsonArray(spaces))
        .put("dimensions", axes)
        .put("isolation", new JsonArray(isolation))
        .put("trials", all)
        .put("best", trial(best).put("config", configFragment(strategyName, best.settings())));
  }

  private static JsonObject trial(TrialResult t) {
    PerformanceStats s = t.stats();
    return new JsonObject()
        .put("epoch", t.epoch())
        .put("params", json(t.params()))
        .put("overrides", new JsonArray(t.overrides()))
        .put("loss", t.loss())
        .put("trades", s.trades())
        .put("avgProfitPct", finite(t.avgProfitPct()))
        .put("profit", finite(s.profitTotal()))
        .put("profitPct", finite(s.profitTotalPct()))
        .put("sharpe", finite(s.sharpe()))
        .put("sortino", finite(s.sortino()))
        .put("calmar", finite(s.calmar()))
        .put("maxDrawdown", finite(s.maxDrawdown()))
        .put("seconds", t.seconds());
  }

  @SuppressWarnings("unchecked")
  private static JsonObject json(Map<String, Object> map) {
    JsonObject json = new JsonObject();
    map.forEach((k, v) -> json.put(k, v instanceof Map<?, ?> m ? json((Map<String, Object>) m) : v));
    return json;
  }

  /** JSON has no infinity: a ratio that overflows is written as null, as in the backtest report. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
