package dev.tradingsystem.app.backtest.performance;

import dev.tradingsystem.app.backtest.performance.BacktestRecorder.BacktestResult;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest as one self-contained HTML page: a table per strategy and pair, the market makers'
 * fills against the mid, and for every
 * strategy an equity curve and an underwater (drawdown) chart as inline SVG — no script, no
 * network, so the file opens anywhere and can be archived with the run.
 */
public final class BacktestHtml {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 220;
  private static final int PAD = 40;
  private static final int CHART_POINTS = 1_500;

  private BacktestHtml() {
  }

  /** The page; {@code source} names the data replayed. */
  public static String render(BacktestResult result, String source) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>trading-system backtest</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append("svg{background:#fafafa;border:1px solid #ddd;display:block;margin:0.5em 0}")
        .append("</style></head><body>\n<h1>Backtest</h1>\n<p>Data: ").append(escape(source))
        .append("<br>Span: ").append(Instant.ofEpochSecond(result.startUs() / 1_000_000)).append(" to ")
        .append(Instant.ofEpochSecond(result.endUs() / 1_000_000)).append("</p>\n");
    html.append("<table id=\"strategies\"><tr><th>strategy / pair</th><th>trades</th><th>win rate</th>")
        .append("<th>profit</th><th>profit %</th><th>CAGR</th><th>Sharpe</th><th>Sortino</th><th>Calmar</th>")
        .append("<th>max DD</th><th>DD duration</th><th>profit factor</th><th>expectancy</th><th>exposure</th>")
        .append("<th>fees</th></tr>\n");
    for (StrategyResult s : result.strategies()) {
      row(html, "<b>" + escape(s.strategyId()) + "</b>", s.stats());
      for (Map.Entry<String, PerformanceStats> pair : s.pairs().entrySet()) {
        row(html, "&nbsp;&nbsp;" + escape(pair.getKey()), pair.getValue());
      }
    }
    html.append("</table>\n<p>Sharpe and Sortino on ")
        .append(result.strategies().isEmpty() ? "hourly" : result.strategies().get(0).stats().sampling().label())
        .append(" returns of the mark-to-market equity, annualised; Calmar = CAGR / max drawdown.</p>\n");
    marketMaking(html, result);
    for (StrategyResult s : result.strategies()) {
      EquitySeries curve = s.curve().downsample(CHART_POINTS);
      html.append("<h2>").append(escape(s.strategyId())).append("</h2>\n");
      chart(html, "equity-curve", "Equity (quote currency)", curve, values(curve), "#1f77b4");
      chart(html, "drawdown", "Drawdown (fraction of peak)", curve, negate(Drawdown.underwater(curve)), "#d62728");
    }
    return html.append("</body></html>\n").toString();
  }

  private static void row(StringBuilder html, String label, PerformanceStats p) {
    html.append("<tr><td>").append(label).append("</td><td>").append(p.trades()).append("</td>")
        .append(cell("%.1f%%", p.winRate() * 100)).append(cell("%.2f", p.profitTotal()))
        .append(cell("%.3f%%", p.profitTotalPct())).append(cell("%.2f%%", p.cagr() * 100))
        .append(cell("%.2f", p.sharpe())).append(cell("%.2f", p.sortino())).append(cell("%.2f", p.calmar()))
        .append(cell("%.3f%%", p.maxDrawdown() * 100)).append("<td>").append(p.maxDrawdownDurationSeconds())
        .append(" s</td>").append(cell("%.2f", p.profitFactor())).append(cell("%.4f", p.expectancy()))
        .append(cell("%.1f%%", p.exposure() * 100)).append(cell("%.2f", p.fees())).append("</tr>\n");
  }

  /** The market makers' fills against the mid, one row per strategy and per pair; nothing without one. */
  private static void marketMaking(StringBuilder html, BacktestResult result) {
    if (result.strategies().stream().allMatch(s -> s.marketMaking().isEmpty())) {
      return;
    }
    html.append("<h2>Market making</h2>\n<table id=\"market-making\"><tr><th>strategy / pair</th><th>maker</th>")
        .append("<th>taker</th><th>spread captured (bps)</th>");
    for (MarketMakingStats.Horizon h : MarketMakingStats.HORIZONS) {
      html.append("<th>mark-out ").append(h.label()).append(" (bps)</th>");
    }
    html.append("<th>spread P&amp;L</th><th>inventory P&amp;L</th><th>fees</th><th>net P&amp;L</th>")
        .append("<th>inventory min / max / end</th></tr>\n");
    for (StrategyResult s : result.strategies()) {
      if (s.marketMaking().isEmpty()) {
        continue;
      }
      MarketMakingStats mm = s.marketMaking().get();
      makingRow(html, "<b>" + escape(s.strategyId()) + "</b>", mm.edge()).append("<td></td></tr>\n");
      for (Map.Entry<String, MarketMakingStats.Pair> pair : mm.pairs().entrySet()) {
        InventoryPath inventory = pair.getValue().inventory();
        makingRow(html, "&nbsp;&nbsp;" + escape(pair.getKey()), pair.getValue().edge())
            .append(String.format(Locale.ROOT, "<td>%.6f / %.6f / %.6f</td></tr>%n", inventory.min(),
                inventory.max(), inventory.end()));
      }
    }
    html.append("</table>\n<p>Against the mid in force before each filling event; a negative mark-out is adverse ")
        .append("selection. Net P&amp;L = spread P&amp;L + inventory P&amp;L (position &times; mid moves) - fees, ")
        .append("the inventory at the last mid.</p>\n");
  }

  private static StringBuilder makingRow(StringBuilder html, String label, FillEdge edge) {
    html.append("<tr><td>").append(label).append("</td><td>").append(edge.makerFills()).append("</td><td>")
        .append(edge.takerFills()).append("</td>").append(cell("%.2f", edge.spreadCaptureBps()));
    for (int h = 0; h < MarketMakingStats.HORIZONS.size(); h++) {
      html.append(cell("%.2f", edge.markoutBps(h)));
    }
    return html.append(cell("%.2f", edge.spreadPnl())).append(cell("%.2f", edge.inventoryPnl()))
        .append(cell("%.2f", edge.fees())).append(cell("%.2f", edge.netPnl()));
  }

  private static String cell(String format, double value) {
    return "<td>" + String.format(Locale.ROOT, format, value) + "</td>";
  }

  private static void chart(StringBuilder html, String id, String title, EquitySeries curve, double[] y,
      String colour) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (y.length == 0) {
      min = 0;
      max = 1;
    }
    if (max - min < 1e-12) {
      max = min + 1;
    }
    long t0 = curve.size() == 0 ? 0 : curve.time(0);
    long t1 = curve.size() == 0 ? 1 : Math.max(t0 + 1, curve.time(curve.size() - 1));
    html.append(String.format(Locale.ROOT, "<svg class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
        id, WIDTH, HEIGHT, WIDTH, HEIGHT));
    html.append("<text x=\"").append(PAD).append("\" y=\"15\" font-size=\"12\">").append(escape(title)).append("</text>");
    html.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">%.4g</text>", PAD - 10, max));
    html.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">%.4g</text>", HEIGHT - 5, min));
    html.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1\" points=\"");
    for (int i = 0; i < y.length; i++) {
      double x = PAD + (double) (curve.time(i) - t0) / (t1 - t0) * (WIDTH - 2 * PAD);
      double py = HEIGHT - 20 - (y[i] - min) / (max - min) * (HEIGHT - 20 - PAD);
      html.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, py));
    }
    html.append("\"/></svg>\n");
  }

  private static double[] values(EquitySeries curve) {
    double[] out = new double[curve.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = curve.equity(i);
    }
    return out;
  }

  private static double[] negate(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = -values[i];
    }
    return out;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
