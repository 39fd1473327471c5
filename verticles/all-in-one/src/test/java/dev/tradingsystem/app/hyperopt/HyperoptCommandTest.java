package dev.tradingsystem.app.hyperopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.app.TradingSystemCli;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code hyperopt} end to end on the first bundled Bitstamp trades: four epochs, two pipelines at a
 * time in this JVM, and every reported trial reproduced exactly by an ordinary {@code backtest} with
 * the same overrides — the search runs the live code path, and parallel pipelines do not disturb
 * each other.
 */
class HyperoptCommandTest {

  private static final String TICKS = "8000";
  private static final String STRATEGY = "freqtrade-hft.momentum";

  @TempDir
  static Path dir;

  private static JsonObject report;
  private static String output;

  @BeforeAll
  static void searchFourEpochsTwoAtATime() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = cli(out, err);
    int exit = cli.execute("hyperopt", "--strategy", "momentum", "--max-ticks", TICKS, "--epochs", "4", "--jobs", "2",
        "--spaces", "default", "--loss", "SharpeHyperOptLoss", "--random-state", "3",
        "--report", dir.resolve("hyperopt.json").toString());
    output = out.toString();
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    report = new JsonObject(Files.readString(dir.resolve("hyperopt.json"), StandardCharsets.UTF_8));
  }

  @Test
  void everyTrialIsReportedWithParametersInsideTheirRanges() {
    JsonArray trials = report.getJsonArray("trials");
    assertThat(trials).hasSize(4);
    JsonArray dimensions = report.getJsonArray("dimensions");
    assertThat(dimensions.stream().map(d -> ((JsonObject) d).getString("name")).toList()).containsExactly(
        "entryThreshold", "exitThreshold", "roi_t1", "roi_t2", "roi_t3", "roi_p1", "roi_p2", "roi_p3", "stoploss");
    for (int i = 0; i < trials.size(); i++) {
      JsonObject trial = trials.getJsonObject(i);
      assertThat(trial.getInteger("epoch")).isEqualTo(i + 1);
      assertThat(trial.fieldNames()).contains("params", "loss", "trades", "profit", "sharpe", "sortino", "calmar",
          "maxDrawdown");
      for (Object d : dimensions) {
        JsonObject axis = (JsonObject) d;
        double value = ((Number) trial.getJsonObject("params").getValue(axis.getString("name"))).doubleValue();
        assertThat(value).as("epoch %d %s", i + 1, axis.getString("name"))
            .isBetween(axis.getDouble("low"), axis.getDouble("high"));
      }
    }
    assertThat(output).contains("4/4", "Best result", "\"minimalRoi\"");
  }

  @Test
  void theBestHasTheLeastLoss() {
    JsonObject best = report.getJsonObject("best");
    double least = report.getJsonArray("trials").stream().mapToDouble(t -> ((JsonObject) t).getDouble("loss")).min()
        .orElseThrow();
    assertThat(best.getDouble("loss")).isEqualTo(least);
    assertThat(best.getJsonObject("config").getJsonObject("frameworks").getJsonObject("freqtrade")
        .getJsonObject("strategies").fieldNames()).containsExactly("momentum");
  }

  @Test
  void theBestAndItsParallelNeighbourAreReproducedByAnOrdinaryBacktest() throws Exception {
    JsonObject best = report.getJsonObject("best");
    assertThat(best.getLong("trades")).as("the best epoch trades, so reproducing it means something").isPositive();
    int partnerEpoch = best.getInteger("epoch") % 2 == 1 ? best.getInteger("epoch") + 1 : best.getInteger("epoch") - 1;
    JsonObject partner = report.getJsonArray("trials").getJsonObject(partnerEpoch - 1);
    for (JsonObject trial : List.of(best, partner)) {
      JsonObject strategy = backtest(trial).getJsonObject("strategies").getJsonObject(STRATEGY, new JsonObject());
      assertThat(strategy.getLong("trades", 0L)).as("trades of epoch %d", trial.getInteger("epoch"))
          .isEqualTo(trial.getLong("trades"));
      assertThat(strategy.getDouble("profitTotal", 0.0)).as("profit of epoch %d", trial.getInteger("epoch"))
          .isEqualTo(trial.getDouble("profit"));
      assertThat(strategy.getDouble("sharpe", 0.0)).isEqualTo(trial.getDouble("sharpe"));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--spaces=roi,protection | --spaces: 'protection' is not a space",
      "--epochs=0 | --epochs must be >= 1",
      "--jobs=0 | --jobs must be >= 1",
      "--loss=ShortTradeDur | --loss: 'ShortTradeDur' is not one of",
      "--strategy=nope | --strategy: 'nope' is not a configured freqtrade-hft strategy; configured: [momentum]"})
  void badInputIsAUsageErrorNamingTheOption(String option, String message) {
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("hyperopt", "--max-ticks", "10"));
    if (!option.startsWith("--strategy")) {
      args.addAll(List.of("--strategy", "momentum"));
    }
    args.add(option);
    assertThat(cli(new StringWriter(), err).execute(args.toArray(String[]::new))).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }

  private static JsonObject backtest(JsonObject trial) throws Exception {
    Path file = dir.resolve("backtest-" + trial.getInteger("epoch") + ".json");
    List<String> args = new ArrayList<>(List.of("backtest", "--max-ticks", TICKS, "--quiet", "--report", file.toString()));
    for (Object o : report.getJsonArray("isolation").copy().addAll(trial.getJsonArray("overrides"))) {
      args.add("--set");
      args.add((String) o);
    }
    StringWriter err = new StringWriter();
    assertThat(cli(new StringWriter(), err).execute(args.toArray(String[]::new))).as("stderr: %s", err).isZero();
    return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static CommandLine cli(StringWriter out, StringWriter err) {
    CommandLine cli = new CommandLine(new TradingSystemCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli;
  }
}
