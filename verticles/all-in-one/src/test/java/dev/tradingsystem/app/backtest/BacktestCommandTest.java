package dev.tradingsystem.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.app.TradingSystemCli;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code backtest} end to end on the first bundled Bitstamp trades through the whole co-located
 * pipeline: the report's shape, its internal consistency, the HTML page, and that the same data
 * gives the same report twice.
 */
class BacktestCommandTest {

  private static final String TICKS = "4000";
  private static final List<String> REQUIRED = List.of("trades", "winRate", "profitTotal", "sharpe", "sortino",
      "calmar", "maxDrawdown", "profitFactor", "profitTotalPct", "cagr", "maxDrawdownDurationSeconds",
      "expectancy", "exposure", "fees", "pairs");

  @TempDir
  static Path dir;

  private static JsonObject first;
  private static JsonObject second;

  @BeforeAll
  static void backtestTwice() throws Exception {
    first = backtest("a");
    second = backtest("b");
  }

  private static JsonObject backtest(String name) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TradingSystemCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("backtest", "--max-ticks", TICKS, "--quiet", "--report",
        dir.resolve(name + ".json").toString(), "--html", dir.resolve(name + ".html").toString());
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    assertThat(out.toString()).contains("=== backtest ===");
    return new JsonObject(Files.readString(dir.resolve(name + ".json"), StandardCharsets.UTF_8));
  }

  @Test
  void everyStrategyCarriesTheRequiredNumbersPerStrategyAndPair() {
    JsonObject strategies = first.getJsonObject("strategies");
    assertThat(strategies.fieldNames()).isNotEmpty().allMatch(id -> id.contains("."));
    assertThat(first.getJsonObject("run").getLong("ticks")).isEqualTo(Long.parseLong(TICKS));
    assertThat(first.getString("returns")).isEqualTo("hourly");
    long tradesOverall = 0;
    for (String id : strategies.fieldNames()) {
      JsonObject s = strategies.getJsonObject(id);
      assertThat(s.fieldNames()).as(id).containsAll(REQUIRED);
      assertThat(s.getDouble("winRate")).as(id).isBetween(0.0, 1.0);
      assertThat(s.getDouble("maxDrawdown")).as(id).isBetween(0.0, 1.0);
      assertThat(s.getDouble("exposure")).as(id).isBetween(0.0, 1.0);
      long pairTrades = 0;
      double pairProfit = 0;
      double pairFees = 0;
      JsonObject pairs = s.getJsonObject("pairs");
      for (String pair : pairs.fieldNames()) {
        JsonObject p = pairs.getJsonObject(pair);
        assertThat(p.fieldNames()).as(id + " " + pair).containsAll(REQUIRED.subList(0, REQUIRED.size() - 1));
        pairTrades += p.getLong("trades");
        pairProfit += p.getDouble("profitTotal");
        pairFees += p.getDouble("fees");
      }
      assertThat(pairTrades).as(id).isEqualTo(s.getLong("trades"));
      assertThat(pairProfit).as(id).isCloseTo(s.getDouble("profitTotal"), within(1e-6));
      assertThat(pairFees).as(id).isCloseTo(s.getDouble("fees"), within(1e-6));
      assertThat(s.getLong("wins") + s.getLong("losses") + s.getLong("draws")).isEqualTo(s.getLong("trades"));
      tradesOverall += s.getLong("trades");
    }
    assertThat(tradesOverall).as("the first %s trades close some round trips", TICKS).isPositive();
  }

  @Test
  void profitTotalIsTheClosedTradesNetOfFeesAndFeesMatchThePortfolio() {
    JsonObject strategies = first.getJsonObject("strategies");
    double fees = 0;
    for (String id : strategies.fieldNames()) {
      JsonObject s = strategies.getJsonObject(id);
      fees += s.getDouble("fees");
      // Closed trades only: equity also moves with open positions, so finalEquity - capital differs by those.
      if (s.getLong("openTrades") == 0) {
        assertThat(s.getDouble("finalEquity") - s.getDouble("startingCapital")).as(id)
            .isCloseTo(s.getDouble("profitTotal"), within(1e-5));
      }
    }
    assertThat(fees).isCloseTo(first.getJsonObject("run").getDouble("fees"), within(1e-5));
  }

  @Test
  void theSameDataGivesTheSameReport() {
    JsonObject a = first.copy();
    JsonObject b = second.copy();
    for (JsonObject r : List.of(a, b)) {
      // Wall-clock figures of the ordinary run report differ between runs by nature.
      JsonObject run = r.getJsonObject("run");
      run.remove("latency");
      run.remove("durationSeconds");
      run.remove("ticksPerSecond");
    }
    assertThat(b).isEqualTo(a);
  }

  @Test
  void theHtmlReportHasTheTableAndTheCharts() throws Exception {
    String html = Files.readString(dir.resolve("a.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<table id=\"strategies\">", "<svg class=\"equity-curve\"", "<svg class=\"drawdown\"");
    for (String id : first.getJsonObject("strategies").fieldNames()) {
      assertThat(html).contains(id);
    }
  }

  @Test
  void aMissingDataFileIsAUsageError() {
    CommandLine cli = new CommandLine(new TradingSystemCli());
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("backtest", "--data", dir.resolve("missing.csv").toString())).isEqualTo(2);
  }
}
