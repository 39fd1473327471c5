package dev.tradingsystem.app.backtest.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.app.backtest.performance.BacktestRecorder.BacktestResult;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML page stands alone: charts as inline SVG, the table, nothing fetched. */
class BacktestHtmlTest {

  @Test
  void onePageWithTheTableAndBothChartsPerStrategy() {
    EquitySeries curve = EquitySeries.of(new long[] {0, 1_000_000, 2_000_000}, new double[] {100, 90, 110});
    PerformanceStats stats = PerformanceStats.compute(List.of(), 0, curve, 100, List.of(), 0, 0, 2_000_000);
    BacktestResult result = new BacktestResult(0, 2_000_000, List.of(
        new StrategyResult("freqtrade-hft.<momentum>", stats, Map.of("BTC/USD", stats), curve, List.of())));

    String html = BacktestHtml.render(result, "trades.csv");

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<table id=\"strategies\">", "freqtrade-hft.&lt;momentum&gt;", "BTC/USD", "trades.csv")
        .contains("<svg class=\"equity-curve\"", "<svg class=\"drawdown\"", "<polyline")
        .doesNotContain("<script", "http://", "https://");
    assertThat(html.split("<polyline", -1)).hasSize(3);
  }

  @Test
  void longCurvesAreThinnedForTheChartButKeepTheirLastPoint() {
    EquitySeries curve = new EquitySeries();
    for (int i = 0; i < 10_000; i++) {
      curve.add(i, 100 + i);
    }
    EquitySeries thin = curve.downsample(1_000);
    assertThat(thin.size()).isBetween(900, 1_001);
    assertThat(thin.time(thin.size() - 1)).isEqualTo(9_999);
    assertThat(thin.equity(thin.size() - 1)).isEqualTo(10_099);
  }
}
